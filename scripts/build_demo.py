"""Build ``desktop/resources/demo/critmin_demo.xlsx``, the demo workbook the app opens on first start.

It is derived, by CritMin's own importers, from the public files in
``../shared/data`` (see data/README.md for sources and licences) and written in
the CritMin template, so it doubles as a realistic example of the template.

    python scripts/build_demo.py [--shared ../shared/data]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.chain.seed_events import seed_events  # noqa: E402
from desktop.core.dataset import Dataset, conform  # noqa: E402
from desktop.core.export.data_workbook import write_data_workbook  # noqa: E402
from desktop.core.ingest.load import load_file, preview_dataset  # noqa: E402
from desktop.core.registry import default_registry  # noqa: E402
from desktop.core.scenarios.seeds import seed_rows  # noqa: E402

# The minerals the demo follows: a cross-section of the USGS, EU and Chinese lists.
DEMO_MINERALS = ["lithium", "cobalt", "nickel", "graphite", "rare_earths", "gallium", "germanium", "tungsten",
                 "copper", "aluminum", "tin", "zinc", "platinum", "palladium", "manganese", "antimony",
                 "vanadium", "molybdenum", "niobium", "tantalum", "titanium", "chromium"]


def load(path: Path) -> Dataset:
    preview = load_file(path)
    if not preview.ok:
        raise SystemExit("\n".join(p.format() for p in preview.problems.errors[:10]))
    return preview_dataset(preview)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("-o", "--output", default=str(REPO / "desktop" / "resources" / "demo" / "critmin_demo.xlsx"))
    args = ap.parse_args()
    shared = Path(args.shared)
    reg = default_registry()

    wmd = load(shared / "geopolrisk" / "derived_world_mining_data_long.csv")
    usgs = load(shared / "usgs_mcs2025" / "world_data" / "MCS2025_World_Data.csv")
    wgi = load(shared / "wgi" / "wgidataset.xlsx")
    pink = load(shared / "pinksheet" / "CMO-Historical-Data-Annual.xlsx")
    salient = Dataset()
    for code in ("lithium", "cobal", "nicke", "graph", "rareee", "galli", "germa", "tungs", "coppe", "alumi",
                 "tin", "zinc", "plati", "antim", "vanad", "niobi", "tanta"):
        path = shared / "usgs_mcs2025" / "salient_commodity" / f"mcs2025-{code}_salient.csv"
        if path.exists():
            salient.merge(load(path))

    def pick(frame: pd.DataFrame, **conds) -> pd.DataFrame:
        keep = frame["mineral"].isin(DEMO_MINERALS) if "mineral" in frame else pd.Series(True, index=frame.index)
        for col, test in conds.items():
            keep &= test(frame[col])
        return frame[keep]

    # Production: World Mining Data (one consistent source, 2018–2024, mine stage).
    production = pick(wmd.get("production"))
    producers = set(production["country"])
    tables = {
        "production": production,
        "reserves": pick(usgs.get("reserves")),
        "balance": pick(salient.get("balance")),
        "prices": pick(pink.get("prices"), year=lambda y: y >= 2000),
        "governance": wgi.get("governance")[lambda f: f["country"].isin(producers) & (f["year"] >= 2013)],
    }
    # End-of-life recycling input rates (EU CRM assessment 2023, via the WMD/HS map file).
    rir = pd.read_csv(shared / "geopolrisk" / "derived_wmd_hs_code_map_eol_rir_2023.csv")
    rir = rir.assign(mineral=reg.map_minerals(rir["Sheet_name"]), year=2023,
                     eol_rir=pd.to_numeric(rir["EoL-RIR (2023)"], errors="coerce"))
    rir = rir.dropna(subset=["mineral", "eol_rir"]).drop_duplicates("mineral")
    tables["recycling"] = pick(rir[["mineral", "year", "eol_rir"]])
    # Mineral lists: the official lists (USGS, EU, China, Canada, India …) are built into CritMin
    # (docs/lists.md); the demo carries one list of the analyst's own, as an example of the lists sheet.
    battery = ["lithium", "cobalt", "nickel", "graphite", "manganese"]
    tables["lists"] = pd.DataFrame({"list": "Battery minerals (example)", "mineral": battery})
    # Policy events, each with its source (desktop/core/chain/seed_events.py): they feed the risk matrix.
    tables["events"] = seed_events()
    # Ready-made what-if scenarios, each with its rationale and source (desktop/core/scenarios/seeds.py).
    tables["scenarios"] = seed_rows()

    dataset = Dataset(tables={k: conform(k, v) for k, v in tables.items()})
    write_data_workbook(dataset, args.output, reg)
    print(f"wrote {args.output}: " + ", ".join(f"{k} {len(v)}" for k, v in dataset.tables.items()))


if __name__ == "__main__":
    main()
