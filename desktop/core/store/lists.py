"""The analyst's own mineral lists (the ``lists`` table) as reversible edits, and names read for them.

A list exists only as its rows (list, mineral), so every operation on lists is an edit of rows:
creating writes rows, renaming removes the old rows and writes them under the new name, deleting
removes them.  Each helper is one ``Project.edit_rows`` call — one transaction and one
:class:`~desktop.core.store.changes.Change` that the GUI's undo stack replays — and checks what it
can before writing, so a refused edit changes nothing.

Names typed, pasted from Excel or read from a one-column sheet are resolved the way imports resolve
them (``Registry.mineral_id``: English, Chinese, symbols, aliases, the project's own aliases); the
ones the registry does not know come back with its suggestions so the analyst can choose before
anything is written.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from desktop.core.dataset import SCHEMA
from desktop.core.errors import EditError
from desktop.core.registry import normalise_name
from desktop.core.store.changes import Change

TABLE = "lists"

# First cells of a column that are a header, not a mineral ("header optional").
HEADER_WORDS = frozenset(normalise_name(w) for w in (
    "mineral", "minerals", "mineral name", "name", "names", "commodity", "commodities", "material",
    "materials", "raw material", "raw materials", "element", "elements", "list", "id",
    "矿种", "矿产", "矿产品", "名称", "矿种名称", "矿产名称", "清单", "元素", "原材料"))


# -- reading what the analyst has -----------------------------------------------------------------------
def minerals_with_data(project) -> list[str]:
    """The minerals a data table of the project holds rows for, sorted by id.

    ``Project.minerals()`` counts the ``lists`` table too; a mineral that is only on a list has no
    data, and the Minerals dock must say so rather than offer it as "with data".
    """
    tables = [t for t, (keys, _, _) in SCHEMA.items() if "mineral" in keys and t != TABLE]
    query = " UNION ".join(f"SELECT mineral FROM {t}" for t in tables)
    return [r[0] for r in project.con.execute(f"SELECT mineral FROM ({query}) ORDER BY mineral")]


def clean_name(name: object) -> str:
    """A list name as stored: spaces trimmed and collapsed (a pasted name often ends in a tab)."""
    return " ".join(str(name or "").split())


def name_problem(name: object, existing, current: str | None = None) -> str | None:
    """Why ``name`` cannot name a list — ``"empty"`` or ``"taken"`` — or None when it can.

    Names are compared case-insensitively ("EU 2024" and "eu 2024" would be two lists no one can
    tell apart in a menu); ``current`` is the list being renamed, which may keep its own name.
    """
    name = clean_name(name)
    if not name:
        return "empty"
    key = name.casefold()
    if any(key == other.casefold() and other != current for other in existing):
        return "taken"
    return None


def unique_name(base: str, existing) -> str:
    """``base``, or ``base 2``, ``base 3`` …: the first that no list of ``existing`` has."""
    base = clean_name(base) or "List"
    taken = {e.casefold() for e in existing}
    if base.casefold() not in taken:
        return base
    n = 2
    while f"{base} {n}".casefold() in taken:
        n += 1
    return f"{base} {n}"


# -- edits (each one transaction, one Change) ------------------------------------------------------------
def rows(name: str, minerals) -> pd.DataFrame:
    """The ``lists`` rows of one list (unique minerals, in the order given)."""
    minerals = list(dict.fromkeys(minerals))
    return pd.DataFrame({"list": [name] * len(minerals), "mineral": minerals}, dtype=object)


def create_list(project, name: str, minerals, label: str = "") -> Change:
    """A new list ``name`` holding ``minerals`` (also what duplicating a list writes)."""
    name = clean_name(name)
    lists = project.lists()
    _check_name(name, lists)
    minerals = _known(project, minerals)
    if not minerals:
        raise EditError(f"The list “{name}” needs at least one mineral.")
    return project.edit_rows(TABLE, upsert=rows(name, minerals), label=label)


def rename_list(project, old: str, new: str, label: str = "") -> Change:
    """List ``old`` under the name ``new`` (its minerals unchanged)."""
    new = clean_name(new)
    lists = project.lists()
    members = _members(lists, old)
    _check_name(new, lists, current=old)
    if new == old:
        return Change(label=label)
    return project.edit_rows(TABLE, remove=rows(old, members), upsert=rows(new, members), label=label)


def delete_list(project, name: str, label: str = "") -> Change:
    members = _members(project.lists(), name)
    return project.edit_rows(TABLE, remove=rows(name, members), label=label)


def add_minerals(project, name: str, minerals, label: str = "") -> Change:
    """Add ``minerals`` to list ``name``; those already on it are left alone (an empty Change if all are)."""
    present = set(_members(project.lists(), name))
    new = [m for m in _known(project, minerals) if m not in present]
    if not new:
        return Change(label=label)
    return project.edit_rows(TABLE, upsert=rows(name, new), label=label)


def remove_minerals(project, name: str, minerals, label: str = "") -> Change:
    """Take ``minerals`` off list ``name``; a list keeps at least one (deleting it is ``delete_list``)."""
    present = _members(project.lists(), name)
    gone = [m for m in dict.fromkeys(minerals) if m in present]
    if not gone:
        return Change(label=label)
    if len(gone) == len(present):
        raise EditError(f"The list “{name}” would be left without minerals; delete the list instead.")
    return project.edit_rows(TABLE, remove=rows(name, gone), label=label)


def _members(lists: dict[str, list[str]], name: str) -> list[str]:
    if name not in lists:
        raise EditError(f"There is no list “{name}” in the project; it may have been deleted or renamed.")
    return lists[name]


def _check_name(name: str, lists, current: str | None = None) -> None:
    problem = name_problem(name, lists, current)
    if problem == "empty":
        raise EditError("A list needs a name.")
    if problem == "taken":
        raise EditError(f"A list named “{name}” already exists; choose another name.")


def _known(project, minerals) -> list[str]:
    """``minerals`` (unique, in order), refusing an id that is not a mineral of the project's registry."""
    minerals = list(dict.fromkeys(str(m) for m in minerals))
    stored = {r[0] for r in project.con.execute("SELECT id FROM minerals")}
    known = stored | set(project.registry().minerals.index)
    unknown = [m for m in minerals if m not in known]
    if unknown:
        raise EditError(f"“{unknown[0]}” is not a mineral CritMin knows; choose one from the registry.")
    return minerals


# -- names typed, pasted or read from a sheet -------------------------------------------------------------
@dataclass
class UnknownName:
    raw: str
    suggestions: list[str] = field(default_factory=list)   # registry ids, best first


@dataclass
class NameResolution:
    """What a column of names means: the minerals found (in order, once each) and the names not known."""

    ids: list[str] = field(default_factory=list)
    unknown: list[UnknownName] = field(default_factory=list)
    header: str = ""              # the first cell, when it was taken for a header
    count: int = 0                # names read (blank cells not counted, the header not counted)

    def with_choices(self, choices: dict[str, str | None]) -> list[str]:
        """The minerals once the analyst chose, per unknown name, a mineral (or None: skip it)."""
        chosen = [choices.get(u.raw) for u in self.unknown]
        return list(dict.fromkeys([*self.ids, *(c for c in chosen if c)]))


def resolve_names(registry, cells, header: bool | None = None) -> NameResolution:
    """Resolve a column of names as imports do; unknown ones get ``registry.suggest_ids``.

    ``header`` None decides by itself: the first cell is a header when it does not name a mineral
    and is a header word ("Mineral", "矿种" …) or resembles no mineral at all; a misspelt first
    name ("Galium") is still offered with its suggestions rather than silently dropped.
    """
    names = [c for c in (_cell_text(c) for c in cells) if c]
    out = NameResolution()
    if names and header is not False and registry.mineral_id(names[0]) is None:
        first = names[0]
        if header or normalise_name(first) in HEADER_WORDS or not registry.suggest_ids("mineral", first):
            out.header, names = first, names[1:]
    out.count = len(names)
    ids, seen_unknown = [], set()
    for name in names:
        mid = registry.mineral_id(name)
        if mid is not None:
            ids.append(mid)
            continue
        key = normalise_name(name)
        if key not in seen_unknown:
            seen_unknown.add(key)
            out.unknown.append(UnknownName(raw=name, suggestions=registry.suggest_ids("mineral", name)))
    out.ids = list(dict.fromkeys(ids))
    return out


def names_from_text(text: str) -> list[str]:
    """The names of a block copied from Excel: the first column, or the cells of a single row.

    Excel puts tab-separated cells and CRLF-ended lines on the clipboard; a cell holding a line break
    comes quoted.
    """
    lines = [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if ln.strip()]
    cells = lines[0].split("\t") if len(lines) == 1 else [ln.split("\t")[0] for ln in lines]
    return [c for c in (_cell_text(c) for c in cells) if c]


def names_from_sheet(path: str | Path) -> list[str]:
    """The cells of the first column of the first table of an xlsx/xls/ods/csv file, header included.

    Read with the import readers (calamine, encoding and separator detection), so a file that opens
    in the import wizard opens here, with the same one-sentence errors (ReadError).
    """
    from desktop.core.ingest.readers import is_placeholder, read_file

    sheet = read_file(path)[0]
    frame = sheet.frame
    if frame.shape[1] == 0:
        return []
    head = frame.columns[0]
    cells = [] if is_placeholder(head) else [head]
    return cells + [c for c in frame.iloc[:, 0].tolist() if not pd.isna(c)]


def _cell_text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = " ".join(text[1:-1].replace('""', '"').split())
    return text
