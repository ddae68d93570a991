"""The official critical-mineral lists built into CritMin, each with its citation (docs/lists.md).

The lists are registry data (``data/official_lists.csv``, one row per entry, and
``data/official_lists_meta.csv``, one row per list), written by ``scripts/build_official_lists.py``.
An entry keeps the words the publication uses ("platinum group metals", "稀土") and the registry
minerals it maps to by the one rule of docs/lists.md; an entry CritMin has no mineral for has no id and
is still an entry, so a list is shown with every item its publisher counted, never silently shorter.

Plain ``csv`` and no pandas: the Minerals dock and the Compare dialog read these on the GUI thread.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple

from desktop.core.registry.registry import DATA_DIR


class Entry(NamedTuple):
    """One item as the list publishes it and the registry ids it maps to (empty: CritMin has no such mineral)."""
    entry: str
    minerals: tuple[str, ...]


@dataclass(frozen=True)
class OfficialList:
    """A published list: who published it, when, in which act or document, and its entries in order.

    ``count`` is the number of items as published; it equals ``len(entries)`` because group items
    ("rare earth elements") are one entry however many minerals they map to.
    """
    id: str
    name_en: str
    name_zh: str
    publisher: str
    date: str
    document: str
    url: str
    count: int
    entries: tuple[Entry, ...]
    notes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def name(self, lang: str = "en") -> str:
        """The short name shown in the interface ("EU 2024 critical", "欧盟 2024 关键原材料")."""
        return self.name_zh if lang == "zh" and self.name_zh else self.name_en

    def minerals(self) -> list[str]:
        """The registry ids of all entries, in list order, each once (a group's members follow its place)."""
        return list(dict.fromkeys(mid for e in self.entries for mid in e.minerals))

    def unknown(self) -> list[str]:
        """The entries that map to no registry mineral, as published (shown to the analyst, never dropped)."""
        return [e.entry for e in self.entries if not e.minerals]

    def note(self, entry: str) -> str:
        """Why ``entry`` maps as it does (a grade dropped, a group's members, why no mineral); '' when plain."""
        return self.notes.get(entry, "")

    def citation(self) -> str:
        """Publisher, document, date and URL in one line, for a tooltip or a report footnote."""
        parts = [self.publisher, self.document, self.date, self.url]
        return ", ".join(p for p in parts if p)


def _read(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def _load() -> tuple[OfficialList, ...]:
    """Both CSV files, parsed once per process: they are package data and never change while it runs."""
    entries: dict[str, list[Entry]] = {}
    notes: dict[str, dict[str, str]] = {}
    for row in _read("official_lists.csv"):
        ids = tuple(i for i in row["minerals"].split(";") if i)
        entries.setdefault(row["list_id"], []).append(Entry(row["entry"], ids))
        if row["note"]:
            notes.setdefault(row["list_id"], {})[row["entry"]] = row["note"]
    return tuple(
        OfficialList(id=m["list_id"], name_en=m["name_en"], name_zh=m["name_zh"], publisher=m["publisher"],
                     date=m["date"], document=m["document"], url=m["url"], count=int(m["count"]),
                     entries=tuple(entries.get(m["list_id"], ())), notes=notes.get(m["list_id"], {}))
        for m in _read("official_lists_meta.csv"))


def official_lists(registry=None) -> list[OfficialList]:
    """The built-in lists in their documented order, their ids checked against ``registry``.

    An id the given registry lacks (a registry built without one of the built-in minerals) is left out of
    its entry; an entry left with no id then counts among ``unknown()``, so it is still shown by name.
    ``registry`` defaults to the built-in one, for which nothing is left out.
    """
    lists = _load()
    if registry is None:
        return list(lists)
    known = set(registry.minerals.index)
    out = []
    for lst in lists:
        if all(mid in known for e in lst.entries for mid in e.minerals):
            out.append(lst)
            continue
        kept = tuple(Entry(e.entry, tuple(m for m in e.minerals if m in known)) for e in lst.entries)
        out.append(replace(lst, entries=kept))
    return out


def official_list(list_id: str, registry=None) -> OfficialList:
    """One built-in list by its id ("eu_2024_critical"); ``KeyError`` for an unknown id."""
    for lst in official_lists(registry):
        if lst.id == list_id:
            return lst
    raise KeyError(list_id)
