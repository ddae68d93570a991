"""The built-in official lists: counts as published, ids in the registry, the group rule, a hand-counted overlap."""
from __future__ import annotations

import csv

import pytest

from desktop.core.registry import OfficialList, official_list, official_lists
from desktop.core.registry.registry import DATA_DIR

PGM = {"ruthenium", "rhodium", "palladium", "osmium", "iridium", "platinum"}
REE = {"scandium", "yttrium", "lanthanum", "cerium", "praseodymium", "neodymium", "samarium", "europium",
       "gadolinium", "terbium", "dysprosium", "holmium", "erbium", "thulium", "ytterbium", "lutetium"}

AS_PUBLISHED = {"usgs_2022": 50, "usgs_2025": 60, "eu_2024_critical": 34, "eu_2024_strategic": 17,
                "cn_2016_strategic": 24, "ca_2021": 31, "ca_2024": 34, "in_2023": 30, "cn_sanxi_ree": 17,
                "cn_sanxi_rare": 9, "cn_sanxi_dispersed": 8}


def entry(lst: OfficialList, name: str) -> tuple[str, ...]:
    return dict(lst.entries)[name]


def test_counts_as_published():
    lists = {lst.id: lst for lst in official_lists()}
    assert set(lists) == set(AS_PUBLISHED)
    for list_id, count in AS_PUBLISHED.items():
        assert lists[list_id].count == count, list_id
        assert len(lists[list_id].entries) == count, list_id         # an unknown entry is an entry too


def test_every_id_is_a_registry_mineral(registry):
    known = set(registry.minerals.index)
    for lst in official_lists(registry):
        assert set(lst.minerals()) <= known, lst.id
        assert all(e.minerals or e.entry in lst.unknown() for e in lst.entries)


def test_each_list_is_cited():
    for lst in official_lists():
        assert lst.name("en") and lst.name("zh") and lst.publisher and lst.document, lst.id
        assert not lst.url or lst.url.startswith("https://"), lst.id
    assert official_list("eu_2024_critical").name("zh") == "欧盟 2024 关键原材料"
    assert "2024/1252" in official_list("eu_2024_strategic").citation()


def test_the_csv_files_have_the_documented_columns():
    with (DATA_DIR / "official_lists.csv").open(encoding="utf-8", newline="") as fh:
        assert csv.DictReader(fh).fieldnames == ["list_id", "entry", "minerals", "note"]
    with (DATA_DIR / "official_lists_meta.csv").open(encoding="utf-8", newline="") as fh:
        assert csv.DictReader(fh).fieldnames == ["list_id", "name_en", "name_zh", "publisher", "date", "document",
                                                "url", "count"]


def test_whole_groups_map_to_members_and_the_group_id():
    eu = official_list("eu_2024_critical")
    assert set(entry(eu, "platinum group metals")) == PGM | {"pgm"}
    assert entry(eu, "bauxite/alumina/aluminium") == ("bauxite", "alumina", "aluminum")
    china = official_list("cn_2016_strategic")
    assert set(entry(china, "稀土")) == REE | {"rare_earths"}          # promethium: not in the registry
    assert entry(china, "煤炭") == ("coal_coking", "coal_steam", "lignite")
    assert set(entry(official_list("in_2023"), "PGE")) == PGM | {"pgm"}
    assert set(entry(official_list("ca_2021"), "Rare earth elements")) == REE | {"rare_earths"}


def test_parts_of_a_group_map_to_their_members_only():
    eu = official_list("eu_2024_critical")
    heavy, light = set(entry(eu, "heavy rare earth elements")), set(entry(eu, "light rare earth elements"))
    assert light == {"lanthanum", "cerium", "praseodymium", "neodymium", "samarium"}
    assert heavy == {"yttrium", "europium", "gadolinium", "terbium", "dysprosium", "holmium", "erbium", "thulium",
                     "ytterbium", "lutetium"}
    assert "rare_earths" not in heavy | light
    magnets = entry(official_list("eu_2024_strategic"),
                    "rare earth elements for permanent magnets (Nd, Pr, Tb, Dy, Gd, Sm, and Ce)")
    assert magnets == ("neodymium", "praseodymium", "terbium", "dysprosium", "gadolinium", "samarium", "cerium")


def test_grades_and_spellings_map_to_the_mineral():
    eu = official_list("eu_2024_strategic")
    assert entry(eu, "nickel – battery grade") == ("nickel",)
    assert entry(eu, "titanium metal") == ("titanium",)
    assert entry(official_list("eu_2024_critical"), "baryte") == ("barite",)
    assert entry(official_list("cn_2016_strategic"), "晶质石墨") == ("graphite",)
    usgs = official_list("usgs_2025")
    assert entry(usgs, "Metallurgical coal") == ("coal_coking",)
    assert entry(usgs, "Phosphate") == ("phosphate_rock",)


def test_unknown_entries_are_kept_by_name():
    assert official_list("cn_2016_strategic").unknown() == ["页岩气", "煤层气"]
    assert official_list("eu_2024_critical").unknown() == ["phosphorus"]
    assert official_list("cn_sanxi_ree").unknown() == ["钷"]
    assert "phosphate rock" in official_list("eu_2024_critical").note("phosphorus")


def test_eu_critical_on_usgs_2022_by_hand():
    """How many of the EU's 34 critical raw materials are on the USGS 2022 list (50)?

    Counted by hand, entry by entry: 25 are — antimony, arsenic, bauxite/alumina/aluminium (aluminum),
    baryte (barite), beryllium, bismuth, cobalt, fluorspar, gallium, germanium, hafnium, heavy rare earth
    elements (USGS lists all ten), light rare earth elements (all five), lithium, magnesium, manganese,
    natural graphite, nickel, niobium, platinum group metals (USGS: Pt, Pd, Rh, Ru, Ir), scandium,
    tantalum, titanium metal, tungsten, vanadium. The other 9 are not: boron, coking coal, copper,
    feldspar, helium, phosphate rock, phosphorus, silicon metal, strontium.

    As registry minerals the overlap is 42: the 25 entries give 11 single minerals before the rare
    earths (antimony … hafnium), 10 heavy + 5 light rare earths, lithium, magnesium, manganese, graphite,
    nickel, niobium, 5 platinum-group metals (not osmium, not the pgm group id), scandium, tantalum,
    titanium, tungsten, vanadium: 11 + 15 + 6 + 5 + 5 = 42. USGS 2022 minerals not on the EU list: cesium,
    chromium, indium, rubidium, tellurium, tin, zinc, zirconium (8; 42 + 8 = 50).
    """
    eu, usgs = official_list("eu_2024_critical"), set(official_list("usgs_2022").minerals())
    on_both = [e.entry for e in eu.entries if set(e.minerals) & usgs]
    assert len(on_both) == 25
    assert {"boron", "coking coal", "copper", "feldspar", "helium", "phosphate rock", "phosphorus",
            "silicon metal", "strontium"} == {e.entry for e in eu.entries} - set(on_both)
    assert len(set(eu.minerals()) & usgs) == 42
    assert usgs - set(eu.minerals()) == {"cesium", "chromium", "indium", "rubidium", "tellurium", "tin", "zinc",
                                         "zirconium"}


def test_a_registry_without_a_mineral_keeps_the_entry_by_name(registry):
    from desktop.core.registry import Registry

    smaller = Registry(registry.minerals.drop(index=["gallium"]), registry.countries)
    eu = next(lst for lst in official_lists(smaller) if lst.id == "eu_2024_critical")
    assert "gallium" in eu.unknown() and len(eu.entries) == 34
    assert "gallium" not in eu.minerals()


def test_loaded_once():
    assert official_lists()[0] is official_lists()[0]


@pytest.mark.parametrize("list_id", ["usgs_2022", "usgs_2025"])
def test_usgs_lists_match_the_shared_files(shared_data, registry, list_id):
    """The built-in USGS lists are the shared files' minerals (the build script read them)."""
    file, column = {"usgs_2022": ("critical_minerals.csv", "Crit_Min"),
                    "usgs_2025": ("critical_minerals_2025.csv", "material_name")}[list_id]
    with (shared_data / "lists" / file).open(encoding="utf-8-sig", newline="") as fh:
        names = list(dict.fromkeys(row[column].strip() for row in csv.DictReader(fh)))
    assert [e.entry for e in official_list(list_id).entries] == names
