"""Write the built-in official mineral lists: ``desktop/core/registry/data/official_lists*.csv``.

Developer tool, run once when a list is added or a publisher revises one:

    python scripts/build_official_lists.py [--shared ../shared/data]

The two USGS lists are read from the public files in ``../shared/data/lists`` (never copied into the
repository: only the entries, their registry ids and a note are written). The other lists are not
published as data files; their entries are transcribed below from the documents cited in ``LISTS``
(docs/lists.md gives the same citations). Every entry maps to registry minerals by the one rule of
docs/lists.md, "Mapping entries to minerals":

* a single mineral maps to the registry mineral its name resolves to; words for a grade or a form
  ("battery grade", "metal", "natural", 晶质) are dropped, because the registry records the mineral;
* a group maps to each of its members that the registry has (``GROUPS``), followed by the registry's
  own id for the group when the entry names the whole group (pgm, rare_earths): a part of a group
  (heavy, light, magnet rare earths) maps to its members only;
* an entry the registry has no mineral for keeps its published name and no id (shown, never dropped).

The script refuses to write when an id is not in ``minerals.csv`` or an entry count differs from the
count as published, so a registry change that breaks a list is caught here, not in the application.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.registry import default_registry  # noqa: E402

OUT = REPO / "desktop" / "core" / "registry" / "data"

# Group members, in atomic-number order, and the registry's id for the whole group (None: no such id).
REE = ("scandium", "yttrium", "lanthanum", "cerium", "praseodymium", "neodymium", "samarium", "europium",
       "gadolinium", "terbium", "dysprosium", "holmium", "erbium", "thulium", "ytterbium", "lutetium")
GROUPS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "pgm": (("ruthenium", "rhodium", "palladium", "osmium", "iridium", "platinum"), "pgm"),
    "ree": (REE, "rare_earths"),
    # the European Commission's grouping (Study on the critical raw materials for the EU 2023)
    "hree": (("yttrium", "europium", "gadolinium", "terbium", "dysprosium", "holmium", "erbium", "thulium",
              "ytterbium", "lutetium"), None),
    "lree": (("lanthanum", "cerium", "praseodymium", "neodymium", "samarium"), None),
    # as the entry itself names them: Nd, Pr, Tb, Dy, Gd, Sm and Ce
    "ree_magnets": (("neodymium", "praseodymium", "terbium", "dysprosium", "gadolinium", "samarium", "cerium"),
                    None),
    "coal": (("coal_coking", "coal_steam", "lignite"), None),
}

# How an entry maps: "" its name through the registry; "=a;b" these ids; "@group" a group; "-" no mineral.
GRADE = "the registry records the mineral, not its grade"
PROMETHIUM = "promethium (Pm) is not in the registry"
HREE_NOTE = ("the act names the group only; members as the Commission's 2023 criticality study groups them: "
             "Y, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu")
LREE_NOTE = "the act names the group only; members as the Commission's 2023 criticality study: La, Ce, Pr, Nd, Sm"
PHOSPHORUS = "elemental phosphorus: the registry has phosphate rock, a different commodity"

EU_STRATEGIC = [
    ("bauxite/alumina/aluminium", "=bauxite;alumina;aluminum", "three stages of one chain, each mapped"),
    ("bismuth", "", ""), ("boron – metallurgy grade", "=boron", GRADE), ("cobalt", "", ""), ("copper", "", ""),
    ("gallium", "", ""), ("germanium", "", ""), ("lithium – battery grade", "=lithium", GRADE),
    ("magnesium metal", "=magnesium", "the metal; the registry's magnesium"),
    ("manganese – battery grade", "=manganese", GRADE),
    ("graphite – battery grade", "=graphite", GRADE + "; the registry's graphite is natural graphite"),
    ("nickel – battery grade", "=nickel", GRADE),
    ("platinum group metals", "@pgm", ""),
    ("rare earth elements for permanent magnets (Nd, Pr, Tb, Dy, Gd, Sm, and Ce)", "@ree_magnets",
     "part of the rare earths: its seven members only"),
    ("silicon metal", "=silicon", ""), ("titanium metal", "=titanium", ""), ("tungsten", "", ""),
]
EU_CRITICAL = [
    ("antimony", "", ""), ("arsenic", "", ""),
    ("bauxite/alumina/aluminium", "=bauxite;alumina;aluminum", "three stages of one chain, each mapped"),
    ("baryte", "", ""), ("beryllium", "", ""), ("bismuth", "", ""), ("boron", "", ""), ("cobalt", "", ""),
    ("coking coal", "", ""), ("copper", "", ""), ("feldspar", "", ""), ("fluorspar", "", ""),
    ("gallium", "", ""), ("germanium", "", ""), ("hafnium", "", ""), ("helium", "", ""),
    ("heavy rare earth elements", "@hree", HREE_NOTE), ("light rare earth elements", "@lree", LREE_NOTE),
    ("lithium", "", ""), ("magnesium", "", ""), ("manganese", "", ""), ("natural graphite", "=graphite", ""),
    ("nickel – battery grade", "=nickel", GRADE), ("niobium", "", ""), ("phosphate rock", "=phosphate_rock", ""),
    ("phosphorus", "-", PHOSPHORUS), ("platinum group metals", "@pgm", ""), ("scandium", "", ""),
    ("silicon metal", "=silicon", ""), ("strontium", "", ""), ("tantalum", "", ""),
    ("titanium metal", "=titanium", ""), ("tungsten", "", ""), ("vanadium", "", ""),
]
CHINA_2016 = [
    ("石油", "", ""), ("天然气", "", ""), ("页岩气", "-", "shale gas: not in the registry"),
    ("煤炭", "@coal", "coal as a whole: every kind of coal in the registry"),
    ("煤层气", "-", "coalbed methane: not in the registry"), ("铀", "", ""), ("铁", "", "iron ore"),
    ("铬", "", ""), ("铜", "", ""), ("铝", "", "the plan's reserves are bauxite (铝土矿); mapped as named"),
    ("金", "", ""), ("镍", "", ""), ("钨", "", ""), ("锡", "", ""), ("钼", "", ""), ("锑", "", ""), ("钴", "", ""),
    ("锂", "", ""), ("稀土", "@ree", "the 17 rare-earth elements of Chinese usage; " + PROMETHIUM),
    ("锆", "", ""), ("磷", "", "phosphate rock (磷矿)"), ("钾盐", "", ""),
    ("晶质石墨", "=graphite", "crystalline (flake) graphite: the registry's natural graphite"), ("萤石", "", ""),
]
CANADA_2021_NAMES = ["Aluminum", "Antimony", "Bismuth", "Cesium", "Chromium", "Cobalt", "Copper", "Fluorspar",
                     "Gallium", "Germanium", "Graphite", "Helium", "Indium", "Lithium", "Magnesium", "Manganese",
                     "Molybdenum", "Nickel", "Niobium", "Platinum group metals", "Potash", "Rare earth elements",
                     "Scandium", "Tantalum", "Tellurium", "Tin", "Titanium", "Tungsten", "Uranium", "Vanadium",
                     "Zinc"]
_CANADA_GROUPS = {"Platinum group metals": "@pgm", "Rare earth elements": "@ree"}
CANADA_2021 = [(name, _CANADA_GROUPS.get(name, ""), "") for name in CANADA_2021_NAMES]
CANADA_2024 = CANADA_2021 + [
    ("High-purity iron", "-", ("high-grade iron ore or high-purity pig iron: the registry has neither grade, "
                               "and iron ore of every grade would overstate the entry")),
    ("Phosphorus", "-", PHOSPHORUS),
    ("Silicon metal", "=silicon", ""),
]
INDIA_2023 = [
    ("Antimony", "", ""), ("Beryllium", "", ""), ("Bismuth", "", ""), ("Cobalt", "", ""), ("Copper", "", ""),
    ("Gallium", "", ""), ("Germanium", "", ""), ("Graphite", "", ""), ("Hafnium", "", ""), ("Indium", "", ""),
    ("Lithium", "", ""), ("Molybdenum", "", ""), ("Niobium", "", ""), ("Nickel", "", ""),
    ("PGE", "@pgm", "platinum-group elements"),
    ("Phosphorous", "-", "spelt as published; " + PHOSPHORUS + " (the report's sense not checked)"),
    ("Potash", "", ""), ("REE", "@ree", "rare earth elements"), ("Rhenium", "", ""), ("Silicon", "", ""),
    ("Strontium", "", ""), ("Tantalum", "", ""), ("Tellurium", "", ""), ("Tin", "", ""), ("Titanium", "", ""),
    ("Tungsten", "", ""), ("Vanadium", "", ""), ("Zirconium", "", ""), ("Selenium", "", ""), ("Cadmium", "", ""),
]
SANXI_NOTE = "membership as commonly listed in Chinese geological usage; not checked against a primary document"
SANXI_REE = [(name, "-" if name == "钷" else "", PROMETHIUM if name == "钷" else "")
             for name in ["镧", "铈", "镨", "钕", "钷", "钐", "铕", "钆", "铽", "镝", "钬", "铒", "铥", "镱", "镥",
                          "钪", "钇"]]
SANXI_RARE = [(name, "", "") for name in ["锂", "铍", "铌", "钽", "锆", "铪", "锶", "铷", "铯"]]
SANXI_DISPERSED = [(name, "", "") for name in ["镓", "锗", "铟", "镉", "铊", "铼", "硒", "碲"]]

USGS_2022_URL = ("https://www.federalregister.gov/documents/2022/02/24/2022-04027/"
                 "2022-final-list-of-critical-minerals")
EU_URL = "https://eur-lex.europa.eu/eli/reg/2024/1252/oj"
CANADA_URL = ("https://www.canada.ca/en/campaign/critical-minerals-in-canada/"
              "critical-minerals-an-opportunity-for-canada.html")
INDIA_URL = "https://mines.gov.in/admin/storage/app/uploads/649d4212cceb01688027666.pdf"
SANXI_PUBLISHER = "China Geological Survey (中国地质调查局) usage, '三稀' resource surveys"
SANXI_DOCUMENT = "三稀矿产（稀土、稀有、稀散）: " + SANXI_NOTE

# id, name_en, name_zh, publisher, date, document, url, count as published (entries: filled in by main)
LISTS = [
    ("usgs_2022", "USGS 2022", "美国 USGS 2022", "U.S. Geological Survey, U.S. Department of the Interior",
     "2022-02-24", "2022 Final List of Critical Minerals, Federal Register 87 FR 10381 (FR Doc. 2022-04027)",
     USGS_2022_URL, 50),
    ("usgs_2025", "USGS 2025", "美国 USGS 2025", "U.S. Geological Survey, U.S. Department of the Interior",
     "2025", "2025 List of Critical Minerals", None, 60),
    ("eu_2024_critical", "EU 2024 critical", "欧盟 2024 关键原材料",
     "European Parliament and Council of the European Union", "2024-04-11",
     ("Regulation (EU) 2024/1252 (Critical Raw Materials Act), Annex II, Section 1: critical raw materials "
      "(OJ L, 2024/1252, 3.5.2024)"), EU_URL, 34),
    ("eu_2024_strategic", "EU 2024 strategic", "欧盟 2024 战略原材料",
     "European Parliament and Council of the European Union", "2024-04-11",
     ("Regulation (EU) 2024/1252 (Critical Raw Materials Act), Annex I, Section 1: strategic raw materials "
      "(OJ L, 2024/1252, 3.5.2024)"), EU_URL, 17),
    ("cn_2016_strategic", "China 2016 strategic", "中国 2016 战略性矿产",
     ("国务院批复（2016-11-02），国土资源部发布 (approved by the State Council; published by the Ministry of Land "
      "and Resources)"), "2016-11", "全国矿产资源规划（2016—2020年）: 战略性矿产目录 (24 strategic minerals)", "", 24),
    ("ca_2021", "Canada 2021", "加拿大 2021", "Natural Resources Canada, Government of Canada", "2021-03-11",
     "Canada's Critical Minerals List (2021)", CANADA_URL, 31),
    ("ca_2024", "Canada 2024", "加拿大 2024", "Natural Resources Canada, Government of Canada", "2024-06-10",
     ("Canada's Critical Minerals List (2024 update: the 31 of 2021 plus high-purity iron, phosphorus and "
      "silicon metal)"), CANADA_URL, 34),
    ("in_2023", "India 2023", "印度 2023", "Ministry of Mines, Government of India", "2023-06",
     "Critical Minerals for India: Report of the Committee on Identification of Critical Minerals", INDIA_URL, 30),
    ("cn_sanxi_ree", "China three-rare: rare earths", "三稀：稀土", SANXI_PUBLISHER, "", SANXI_DOCUMENT, "", 17),
    ("cn_sanxi_rare", "China three-rare: rare metals", "三稀：稀有金属", SANXI_PUBLISHER, "", SANXI_DOCUMENT, "", 9),
    ("cn_sanxi_dispersed", "China three-rare: dispersed metals", "三稀：稀散金属", SANXI_PUBLISHER, "",
     SANXI_DOCUMENT, "", 8),
]
HAND = {"eu_2024_strategic": EU_STRATEGIC, "eu_2024_critical": EU_CRITICAL, "cn_2016_strategic": CHINA_2016,
        "ca_2021": CANADA_2021, "ca_2024": CANADA_2024, "in_2023": INDIA_2023, "cn_sanxi_ree": SANXI_REE,
        "cn_sanxi_rare": SANXI_RARE, "cn_sanxi_dispersed": SANXI_DISPERSED}
# USGS 2025 names the registry spells otherwise (the 2025 file's own ids are not registry ids for these two)
USGS_2025_AS = {"Metallurgical coal": ("=coal_coking", "metallurgical coal is coking coal"),
                "Phosphate": ("=phosphate_rock", "phosphate rock")}


def resolve(registry, entry: str, how: str) -> list[str]:
    """The registry ids of one entry by the rule above (``how`` as in the hand lists)."""
    if how == "-":
        return []
    if how.startswith("="):
        return how[1:].split(";")
    if how.startswith("@"):
        members, whole = GROUPS[how[1:]]
        return [m for m in members if m in registry.minerals.index] + ([whole] if whole else [])
    mid = registry.mineral_id(entry)
    if mid is None:
        raise SystemExit(f"{entry!r}: the registry does not know this name; give its ids or '-' with a note")
    return [mid]


def read_usgs(shared: Path, registry) -> dict[str, list[tuple[str, str, str]]]:
    """The two USGS lists from the shared files: (entry, how, note) as in the hand lists."""
    with (shared / "lists" / "critical_minerals.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows_2022 = list(csv.DictReader(fh))
    forms: dict[str, list[str]] = {}
    for row in rows_2022:
        forms.setdefault(row["Crit_Min"].strip(), []).append(row["IMPORTED_AS"].strip())
    usgs_2022 = []
    for name, imported in forms.items():
        plain = imported == [name.upper()]
        note = "" if plain else "the USGS file's IMPORTED_AS: " + "; ".join(imported)
        usgs_2022.append((name, "", note))
    with (shared / "lists" / "critical_minerals_2025.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows_2025 = sorted(csv.DictReader(fh), key=lambda r: int(r["sort_order"]))
    usgs_2025 = []
    for row in rows_2025:
        name = row["material_name"].strip()
        how, note = USGS_2025_AS.get(name, ("", ""))
        usgs_2025.append((name, how, note))
    urls = {row["source_url"] for row in rows_2025}
    if len(urls) != 1:
        raise SystemExit(f"critical_minerals_2025.csv cites {len(urls)} URLs; expected one")
    return {"usgs_2022": usgs_2022, "usgs_2025": usgs_2025, "usgs_2025_url": urls.pop()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared" / "data"))
    args = ap.parse_args()
    registry = default_registry()
    usgs = read_usgs(Path(args.shared), registry)
    entries = {**HAND, "usgs_2022": usgs["usgs_2022"], "usgs_2025": usgs["usgs_2025"]}
    known = set(registry.minerals.index)
    meta_rows, entry_rows, problems = [], [], []
    for list_id, name_en, name_zh, publisher, date, document, url, count in LISTS:
        url = usgs["usgs_2025_url"] if url is None else url
        meta_rows.append([list_id, name_en, name_zh, publisher, date, document, url, count])
        rows = entries[list_id]
        if len(rows) != count:
            problems.append(f"{list_id}: {len(rows)} entries, published with {count}")
        for entry, how, note in rows:
            ids = resolve(registry, entry, how)
            problems += [f"{list_id} / {entry}: {i!r} is not a registry mineral" for i in ids if i not in known]
            entry_rows.append([list_id, entry, ";".join(ids), note])
    if problems:
        raise SystemExit("\n".join(problems))
    with (OUT / "official_lists_meta.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["list_id", "name_en", "name_zh", "publisher", "date", "document", "url", "count"])
        writer.writerows(meta_rows)
    with (OUT / "official_lists.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["list_id", "entry", "minerals", "note"])
        writer.writerows(entry_rows)
    print(f"wrote {len(meta_rows)} lists, {len(entry_rows)} entries to {OUT}")
    for list_id, entry, ids, note in entry_rows:
        if not ids:
            print(f"  no mineral: {list_id} / {entry} — {note}")


if __name__ == "__main__":
    main()
