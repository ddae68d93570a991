"""The registry: canonical minerals and countries, and the aliases that reach them.

Regions (``data/regions.csv``: "United States and Canada", "Other Asia, nes", …) are not countries:
:meth:`Registry.region_reason` says why, so that every reader can leave them out, or reject them, with the
same words.  Historic countries (``data/historic_countries.csv``, ISO 3166-3: the USSR, Czechoslovakia, East
Germany, Yugoslavia, Serbia and Montenegro, the Netherlands Antilles, South Yemen) are countries of the years
they existed: long-run series name them as producers, and each is one producer in shares and HHI.
:meth:`Registry.existed` gives their years.

Data live in CSV files under ``data/`` so that analysts and developers can read
and extend them; a project may add its own aliases on top (``with_aliases``) and its own edits of the
minerals — new names, new minerals (``with_minerals``).
"""
from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from desktop.core.distinct import map_unique

from desktop.core.registry.normalise import normalise_name

DATA_DIR = Path(__file__).with_name("data")

WORLD = "WORLD"
OTHERS = "OTHERS"
AGGREGATE_CODES = frozenset({WORLD, OTHERS})
AGGREGATES = (WORLD, OTHERS)       # the same codes as a tuple, for numpy.isin and pandas isin


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Registry:
    """Lookup tables from normalised names to canonical ids.

    ``minerals`` and ``countries`` are DataFrames indexed by the canonical id
    (mineral id such as ``lithium``; ISO 3166 alpha-3 country code).
    """

    minerals: pd.DataFrame
    countries: pd.DataFrame
    mineral_keys: dict[str, str] = field(default_factory=dict)
    country_keys: dict[str, str] = field(default_factory=dict)
    region_keys: dict[str, str] = field(default_factory=dict)     # name -> why it is not a country
    historic: dict[str, tuple[int, int]] = field(default_factory=dict)   # iso3 -> (first, last year it existed)

    # -- construction -------------------------------------------------------------
    @classmethod
    def load(cls) -> Registry:
        minerals = pd.DataFrame(_read_csv("minerals.csv")).set_index("id")
        historic = pd.DataFrame(_read_csv("historic_countries.csv"))
        countries = pd.concat([pd.DataFrame(_read_csv("countries.csv")),
                               historic[["iso3", "m49", "name_en", "name_zh", "aliases"]]],
                              ignore_index=True).set_index("iso3")
        reg = cls(minerals=minerals, countries=countries,
                  historic={r.iso3: (int(r.from_year), int(r.to_year)) for r in historic.itertuples(index=False)})
        for mid, row in minerals.iterrows():
            for name in (mid, row["name_en"], row["name_zh"], row["symbol"], *row["aliases"].split(";")):
                reg._add(reg.mineral_keys, name, mid)
        for iso3, row in countries.iterrows():
            for name in (iso3, row["m49"], row["name_en"], row["name_zh"], *row["aliases"].split(";")):
                reg._add(reg.country_keys, name, iso3)
            if row["m49"]:
                # M49 codes appear zero-padded ("004") in some files and as integers in others.
                reg._add(reg.country_keys, str(int(row["m49"])), iso3)
                reg._add(reg.country_keys, f"{int(row['m49']):03d}", iso3)
        for row in _read_csv("country_aliases.csv"):
            reg._add(reg.country_keys, row["alias"], row["iso3"], override=True)
        for row in _read_csv("aggregates.csv"):
            reg._add(reg.country_keys, row["alias"], row["code"], override=True)
        for code in AGGREGATE_CODES:
            reg._add(reg.country_keys, code, code, override=True)
        for row in _read_csv("regions.csv"):
            reg._add(reg.region_keys, row["alias"], row["reason"], override=True)
        return reg

    @staticmethod
    def _add(table: dict[str, str], name: object, target: str, override: bool = False) -> None:
        key = normalise_name(name)
        if key and (override or key not in table):
            table[key] = target

    def with_aliases(self, aliases: pd.DataFrame) -> Registry:
        """Return a copy that also knows a project's aliases (columns kind, alias, target)."""
        reg = self._copy()
        for kind, alias, target in aliases[["kind", "alias", "target"]].itertuples(index=False):
            reg._add(reg.mineral_keys if kind == "mineral" else reg.country_keys, alias, target, True)
        return reg

    def with_minerals(self, minerals: pd.DataFrame) -> Registry:
        """Return a copy in which a project's minerals replace the built-in rows of the same id and add the rest.

        ``minerals`` is indexed by id with the columns of :attr:`minerals` it sets (name_en, name_zh,
        symbol, group, and a ``note`` the built-in data lack). Their names and symbols take their lookup
        keys even from another mineral: they are the analyst's words (the project store refuses an edit
        that would take another mineral's name). The names a renamed mineral had keep resolving to it, so
        files written with them still import.
        """
        if not len(minerals):
            return self._copy()
        cols = list(self.minerals.columns) + [c for c in minerals.columns if c not in self.minerals.columns]
        new = minerals.copy()
        for col in cols:
            if col not in new:     # e.g. the built-in aliases of an overridden mineral; '' for a new one
                new[col] = self.minerals[col].reindex(new.index) if col in self.minerals else ""
        new = new[cols].fillna("")
        base = self.minerals.reindex(columns=cols).fillna("")
        order = [*self.minerals.index, *(mid for mid in new.index if mid not in self.minerals.index)]
        frame = pd.concat([base.drop(index=new.index, errors="ignore"), new]).loc[order]
        frame.index.name = self.minerals.index.name
        reg = self._copy()
        reg.minerals = frame
        for mid, row in new.iterrows():
            for name in (mid, row["name_en"], row["name_zh"], row["symbol"]):
                reg._add(reg.mineral_keys, name, mid, override=True)
        return reg

    def _copy(self) -> Registry:
        return Registry(minerals=self.minerals, countries=self.countries, mineral_keys=dict(self.mineral_keys),
                        country_keys=dict(self.country_keys), region_keys=dict(self.region_keys),
                        historic=self.historic)

    # -- lookups -------------------------------------------------------------------
    def mineral_id(self, name: object) -> str | None:
        return self.mineral_keys.get(normalise_name(name))

    def country_code(self, name: object) -> str | None:
        """ISO3 code, an aggregate code (``WORLD``/``OTHERS``) or None when unknown."""
        return self.country_keys.get(normalise_name(name))

    def existed(self, code: str) -> tuple[int, int] | None:
        """(first, last year) of a historic country (the USSR: 1922–1991); None for a current one."""
        return self.historic.get(code)

    def region_reason(self, name: object) -> str | None:
        """Why ``name`` is not a country ("a region, not a country", …), or None.

        Regions and groups of countries (data/regions.csv) appear in publishers' country columns; they are
        never countries.  (Historic countries are countries: see :meth:`existed`.)
        """
        return self.region_keys.get(normalise_name(name))

    def map_regions(self, values: pd.Series) -> pd.Series:
        """Vectorised :meth:`region_reason` (None where the value is not a known region)."""
        return _map_unique(values, self.region_keys)

    def map_minerals(self, values: pd.Series) -> pd.Series:
        """Vectorised lookup: maps each distinct value once (files repeat names a lot)."""
        return _map_unique(values, self.mineral_keys)

    def map_countries(self, values: pd.Series) -> pd.Series:
        return _map_unique(values, self.country_keys)

    def mineral_name(self, mid: str, lang: str = "en") -> str:
        """The mineral's name in ``lang``; its English name when a project's own mineral has no Chinese one."""
        col = "name_zh" if lang == "zh" else "name_en"
        return self.minerals[col].get(mid) or self.minerals["name_en"].get(mid) or mid

    def country_name(self, code: str, lang: str = "en") -> str:
        if code in AGGREGATE_CODES:
            return {WORLD: ("World total", "世界合计"), OTHERS: ("Other countries", "其他国家")}[code][lang == "zh"]
        col = "name_zh" if lang == "zh" else "name_en"
        return self.countries[col].get(code, code)

    def suggest_ids(self, kind: str, name: object, n: int = 3) -> list[str]:
        """The ids of the closest canonical names for an unknown one, best first."""
        table = self.mineral_keys if kind == "mineral" else self.country_keys
        hits = difflib.get_close_matches(normalise_name(name), list(table), n=n * 3, cutoff=0.6)
        return list(dict.fromkeys(table[key] for key in hits))[:n]

    def suggest(self, kind: str, name: object, n: int = 3) -> list[str]:
        """Closest canonical names for an unknown one (shown next to the problem)."""
        return [self.mineral_name(i) if kind == "mineral" else f"{self.country_name(i)} ({i})"
                for i in self.suggest_ids(kind, name, n)]


def _map_unique(values: pd.Series, table: dict[str, str]) -> pd.Series:
    # a missing value normalises to '', which no table holds: None
    return map_unique(values, lambda u: table.get(normalise_name(u)))


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return Registry.load()
