"""What titles, sheet names and headers say: measure, stage, mineral or country named in text.

Used by the analyst-table recogniser, which finds the context of a table
("表1 钴矿产量（吨）", sheet "中国锂进口量", header "Production (kt)") in free
text.  Years in text are read by ``columns.year_in_text``, units by
``units.unit_in_text``.
"""
from __future__ import annotations

import re

from desktop.core.registry import WORLD
from desktop.core.registry.normalise import normalise_name
from desktop.core.units import split_unit

# measure -> (table, value column)
MEASURES = {
    "production": ("production", "quantity"),
    "imports": ("balance", "imports"),
    "exports": ("balance", "exports"),
    "net_imports": ("balance", "net_imports"),
    "price": ("prices", "price"),
    "reserves": ("reserves", "reserves"),
    "recycling": ("recycling", "eol_rir"),
}
# (keyword, measure), longest first within each measure family.
_MEASURE_WORDS = [
    ("净进口量", "net_imports"), ("净进口", "net_imports"), ("net imports", "net_imports"),
    ("net import", "net_imports"),
    ("进口量", "imports"), ("进口额", None), ("进口", "imports"), ("imports", "imports"), ("import", "imports"),
    ("出口量", "exports"), ("出口额", None), ("出口", "exports"), ("exports", "exports"), ("export", "exports"),
    ("生产量", "production"), ("产量", "production"), ("production", "production"),
    ("output", "production"), ("产出", "production"),
    ("储量", "reserves"), ("reserves", "reserves"), ("reserve", "reserves"),
    ("价格", "price"), ("均价", "price"), ("单价", "price"), ("prices", "price"), ("price", "price"),
    ("回收利用率", "recycling"), ("再生利用率", "recycling"), ("回收率", "recycling"),
    ("eol-rir", "recycling"), ("eol rir", "recycling"), ("recycling input rate", "recycling"),
    ("recycling rate", "recycling"),
]
_HEADER_PREFIXES = ("mine ", "refinery ", "refined ", "smelter ", "annual ", "total ", "world ",
                    "矿山", "精炼", "冶炼", "原生", "年", "矿", "全年")


def _find(word: str, key: str) -> bool:
    if word.isascii():
        return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", key) is not None
    return word in key


def measure_of_header(text) -> str | None:
    """The measure a column header names (unit bracket, stage prefixes and spaces ignored)."""
    label, _ = split_unit(text)
    key = normalise_name(label).replace("_", " ")
    candidates = [key] + [key[len(p):].strip() for p in _HEADER_PREFIXES if key.startswith(p)]
    for cand in candidates:
        for word, measure in _MEASURE_WORDS:
            if cand == word:
                return measure
    return None


def measures_in_text(text) -> list[str]:
    """Distinct measures named anywhere in a title or sheet name (longest keyword first)."""
    key = normalise_name(text)
    found: list[str] = []
    for word, measure in _MEASURE_WORDS:
        if _find(word, key):
            key = re.sub(rf"(?<![a-z]){re.escape(word)}(?![a-z])", " ", key) if word.isascii() \
                else key.replace(word, " ")
            if measure and measure not in found:
                found.append(measure)
    return found


_REFINERY_WORDS = ("精炼", "冶炼", "refiner", "refined", "smelter", "smelting")
_MINE_WORDS = ("矿产量", "矿山", "开采", "精矿", "mine production", "mine output", "mining")


def stage_in_text(text) -> str:
    """'mine' / 'refinery' when a title or header says so, else ''."""
    key = normalise_name(text)
    refinery = any(w in key for w in _REFINERY_WORDS)
    mine = any(w in key for w in _MINE_WORDS) or re.search(r"(?<![a-z])mine(?![a-z])", key) is not None
    if refinery != mine:
        return "refinery" if refinery else "mine"
    return ""


# Words containing a one-character mineral name that are not about that mineral.
_NOT_MINERAL_WORDS = ("金属", "合金", "资金", "金额", "银行", "盐湖", "铁路", "矿产资源", "刚果(金)")


def names_in_text(names: list[tuple[str, str]], key: str, boundary: str = "a-z0-9") -> list[str]:
    """Distinct ids of the (normalised name, id) pairs found in ``key``, longest name first.

    A found name is blanked out so that a shorter one inside it is not found again
    ("south africa" hides "africa"); ASCII names must stand as whole words.
    """
    found: list[str] = []
    for name, ident in names:
        if name.isascii():
            pattern = rf"(?<![{boundary}]){re.escape(name)}(?![{boundary}])"
            if not re.search(pattern, key):
                continue
            key = re.sub(pattern, " ", key)
        elif name in key:
            key = key.replace(name, " ")
        else:
            continue
        if ident not in found:
            found.append(ident)
    return found


def minerals_in_text(registry, text) -> list[str]:
    """Distinct mineral ids named in a sheet name or title (longest name first; symbols ignored)."""
    key = normalise_name(text)
    if not key:
        return []
    for word in _NOT_MINERAL_WORDS:
        key = key.replace(word, " ")
    return names_in_text(_mineral_names(registry), key)


def _cached(registry, name: str, build) -> list[tuple[str, str]]:
    """``build(registry)`` kept on the registry object itself (a registry with a project's aliases is
    another object, so it gets its own list)."""
    cached = registry.__dict__.get(name)
    if cached is None:
        cached = build(registry)
        object.__setattr__(registry, name, cached)
    return cached


def _mineral_names(registry) -> list[tuple[str, str]]:
    def build(reg) -> list[tuple[str, str]]:
        symbols = {normalise_name(s) for s in reg.minerals["symbol"] if s}
        return sorted(((k, v) for k, v in reg.mineral_keys.items()
                       if k and k not in symbols and not (k.isascii() and len(k) < 3)), key=lambda kv: -len(kv[0]))

    return _cached(registry, "_title_mineral_names", build)


# Words naming the whole world in a title ("全球锂产量", "World production"): the WORLD aggregate.
_WORLD_WORDS = ("世界", "全球", "world", "global")


def _country_names(registry) -> list[tuple[str, str]]:
    def build(reg) -> list[tuple[str, str]]:
        pairs = {}
        for iso, row in reg.countries.iterrows():
            for name in (row.get("name_en", ""), row.get("name_zh", "")):
                key = normalise_name(name)
                if key and (not key.isascii() or len(key) >= 4):
                    pairs[key] = iso
        for word in _WORLD_WORDS:
            pairs[word] = WORLD
        return sorted(pairs.items(), key=lambda kv: -len(kv[0]))

    return _cached(registry, "_title_country_names", build)


def countries_in_text(registry, text) -> list[str]:
    """Distinct country codes (or WORLD) named in a title or sheet name ("中国锂进口量" -> CHN)."""
    return names_in_text(_country_names(registry), normalise_name(text), boundary="a-z")
