"""The project's edits of the registry: renamed minerals, notes, and minerals the built-in registry lacks.

The ``minerals`` table of a project starts as a copy of the built-in registry (the file describes
itself). A copy is not an edit: a newer CritMin may correct a built-in name, and every project made
before must get the correction. So each row says which of its fields are the analyst's, in
``edited`` (space-separated column names: ``name_en name_zh symbol grp note``):

* ``edited`` empty — the built-in mineral as it is; the stored names are only a copy and are not read.
* a built-in id with ``edited`` — an override: those fields win, the others follow the built-in registry.
  A field edited back to its built-in value stops being an override; "revert" empties ``edited``.
* an id the built-in registry lacks, with every field in ``edited`` — the project's own mineral (a
  ministry's category). If a later CritMin brings the same id, the project's values still win.

``Project.registry()`` applies them (``Registry.with_minerals``), so the new names resolve in imports,
pastes and cells like built-in ones. Every edit is one transaction and returns a :class:`MineralEdit`
(the stored row before and after); :func:`apply_edit` undoes and redoes it, refusing when the row has
changed since. The ``aliases`` revision counter stands for the whole project registry and is raised.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from desktop.core.dataset import SCHEMA, columns
from desktop.core.errors import EditError
from desktop.core.registry import default_registry
from desktop.core.store import revisions, schema

# Stored column -> the column of Registry.minerals
FIELDS = {"name_en": "name_en", "name_zh": "name_zh", "symbol": "symbol", "grp": "group", "note": "note"}
NAMES = ("name_en", "name_zh", "symbol")            # the fields that are lookup keys of the registry
ROW = ("id", *FIELDS, "edited")

BUILTIN, CHANGED, OWN = "builtin", "changed", "project"


class RegistryEditError(EditError):
    """A refused registry edit: the English sentence, and a ``code`` with ``params`` for the GUI's own words.

    Codes: ``empty`` (no English name), ``no_id`` (the English name gives no id), ``clash`` (``name`` already
    names ``other``), ``taken`` (the id exists), ``unknown`` (no such mineral), ``builtin`` (a built-in
    mineral cannot be removed), ``not_changed`` (nothing to revert), ``in_use`` (``tables`` use it),
    ``stale`` (undo/redo after the row changed elsewhere).
    """

    def __init__(self, message: str, code: str, **params):
        super().__init__(message)
        self.code, self.params = code, params


@dataclass(frozen=True, eq=False)
class MineralEdit:
    """One undo step: the mineral's stored row before and after (None: no row)."""

    mineral: str
    label: str = ""
    before: dict | None = None
    after: dict | None = None
    fields: tuple[str, ...] = field(default=())        # the registry columns the edit changed


# -- ids and checks --------------------------------------------------------------------------------------
def make_id(name_en: str) -> str:
    """The id of a new mineral from its English name, like the built-in ids: ``iron_ore``, ``coal_coking``.

    Accents dropped, lower case, every run of other characters one ``_``; '' when nothing is left
    (a name without Latin letters or digits).
    """
    text = unicodedata.normalize("NFKD", str(name_en)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def name_clash(registry, mineral: str, value: str) -> str | None:
    """The id of another mineral that ``value`` already names in ``registry`` (names, symbols, aliases), or None.

    Two minerals with one name would make every file that uses it ambiguous; the registry resolves a
    name to one id only.
    """
    other = registry.mineral_id(value) if str(value).strip() else None
    return other if other not in (None, mineral) else None


def usage(project, mineral: str) -> list[str]:
    """The tables of the project whose rows use ``mineral`` (data tables, then ``aliases``)."""
    used = [t for t in SCHEMA if "mineral" in columns(t) and
            project.con.execute(f"SELECT 1 FROM {t} WHERE mineral = ? LIMIT 1", (mineral,)).fetchone()]
    if project.con.execute("SELECT 1 FROM aliases WHERE kind = 'mineral' AND target = ? LIMIT 1",
                           (mineral,)).fetchone():
        used.append("aliases")
    return used


# -- reading ---------------------------------------------------------------------------------------------
def _has_columns(con) -> bool:
    return "edited" in {r[1] for r in con.execute("PRAGMA table_info(minerals)")}


def _stored(con, mineral: str) -> dict | None:
    if not _has_columns(con):
        row = con.execute("SELECT id, name_en, name_zh, symbol, grp FROM minerals WHERE id = ?", (mineral,)).fetchone()
        return dict(zip(ROW, (*row, "", ""))) if row else None
    row = con.execute(f"SELECT {', '.join(ROW)} FROM minerals WHERE id = ?", (mineral,)).fetchone()
    return dict(zip(ROW, row)) if row else None


def _builtin(mineral: str) -> dict | None:
    """The built-in row of ``mineral`` in stored form (note '', edited ''), or None."""
    frame = default_registry().minerals
    if mineral not in frame.index:
        return None
    row = frame.loc[mineral]
    return {"id": mineral, **{col: str(row.get(reg, "") or "") for col, reg in FIELDS.items()}, "edited": ""}


def _effective(stored: dict) -> dict:
    """The values the project's registry shows: the edited fields of ``stored`` over the built-in row."""
    base = _builtin(stored["id"]) or {c: "" for c in ROW}
    edited = set(stored["edited"].split())
    return {col: stored[col] if col in edited else base[col] for col in FIELDS}


def origin(stored: dict | None) -> str:
    """``builtin``, ``changed`` (a built-in mineral the project overrides) or ``project`` (its own)."""
    if stored is None or not stored["edited"]:
        return BUILTIN
    return CHANGED if _builtin(stored["id"]) is not None else OWN


def _edited_rows(project) -> list[dict]:
    if not _has_columns(project.con):
        return []
    cur = project.con.execute(f"SELECT {', '.join(ROW)} FROM minerals WHERE edited != '' ORDER BY id")
    return [dict(zip(ROW, r)) for r in cur.fetchall()]


def project_minerals(project) -> pd.DataFrame:
    """The project's overrides and own minerals as ``Registry.with_minerals`` takes them (indexed by id)."""
    rows = [{"id": r["id"], **{FIELDS[c]: v for c, v in _effective(r).items()}} for r in _edited_rows(project)]
    return pd.DataFrame(rows, columns=["id", *FIELDS.values()]).set_index("id")


def mineral_table(project) -> pd.DataFrame:
    """Every mineral the project knows, for the registry editor, in the built-in order, then its own.

    Columns: id, name_en, name_zh, symbol, group, note, origin, edited (the registry columns the analyst
    changed, space-separated).
    """
    with project.reading():
        edited = {r["id"]: r for r in _edited_rows(project)}
    builtin = default_registry().minerals
    out = []
    for mid in [*builtin.index, *(m for m in edited if m not in builtin.index)]:
        stored = edited.get(mid) or _builtin(mid)
        if stored is None:          # every id listed is built-in or edited
            continue
        values = _effective(stored)
        out.append({"id": mid, **{FIELDS[c]: values[c] for c in FIELDS}, "origin": origin(stored),
                    "edited": " ".join(FIELDS[c] for c in FIELDS if c in stored["edited"].split())})
    return pd.DataFrame(out, columns=["id", *FIELDS.values(), "origin", "edited"])


# -- edits -----------------------------------------------------------------------------------------------
def set_fields(project, mineral: str, values: dict[str, str], label: str = "") -> MineralEdit:
    """Change fields of a mineral (keys are registry columns: name_en, name_zh, symbol, group, note).

    For a built-in mineral the changed fields become overrides (a value equal to the built-in one is no
    override). RegistryEditError, changing nothing, for an unknown mineral, an empty English name or a
    name that already names another mineral.
    """
    stored_of = {reg: col for col, reg in FIELDS.items()}
    unknown = [k for k in values if k not in stored_of]
    if unknown:
        raise ValueError(f"not a field of a mineral: {', '.join(unknown)}")
    new = {stored_of[k]: " ".join(str(v or "").split()) if k != "note" else str(v or "").strip()
           for k, v in values.items()}
    with project.transaction():
        schema.add_mineral_columns(project.con)
        before = _stored(project.con, mineral)
        base = _builtin(mineral)
        if before is not None and before["edited"]:
            current = _effective(before)
        elif base is not None:
            current = _effective(base)
        else:                       # neither built in nor the project's own
            raise RegistryEditError(f"“{mineral}” is not a mineral of this project.", "unknown", mineral=mineral)
        if "name_en" in new and not new["name_en"]:
            raise RegistryEditError("A mineral needs an English name.", "empty", mineral=mineral)
        _check_names(project, mineral, {c: v for c, v in new.items() if c in NAMES and v != current[c]})
        merged = {**current, **new}
        if base is None:
            edited = list(FIELDS)
            row = {"id": mineral, **merged}
        else:
            edited = [c for c in FIELDS if merged[c] != base[c]]
            row = {**base, **{c: merged[c] for c in edited}}     # the copy refreshed from the built-in data
        after = {**row, "edited": " ".join(edited)}
        _write(project.con, mineral, after)
    changed = tuple(FIELDS[c] for c in FIELDS if current[c] != merged[c])
    return MineralEdit(mineral=mineral, label=label or f"Edit {current['name_en']}", before=before, after=after,
                       fields=changed)


def set_field(project, mineral: str, column: str, value: str, label: str = "") -> MineralEdit:
    """:func:`set_fields` for one field (a cell of the registry editor)."""
    return set_fields(project, mineral, {column: value}, label)


def add_mineral(project, name_en: str, name_zh: str = "", symbol: str = "", group: str = "", note: str = "",
                *, mineral: str | None = None, label: str = "") -> MineralEdit:
    """Add a mineral the registry lacks; its id is ``make_id(name_en)`` unless ``mineral`` is given.

    RegistryEditError, changing nothing, when the name gives no id, the id is a mineral already, or a
    name or symbol already names another mineral.
    """
    name_en = " ".join(str(name_en or "").split())
    if not name_en:
        raise RegistryEditError("A mineral needs an English name.", "empty")
    mid = mineral or make_id(name_en)
    if not mid:
        raise RegistryEditError(f"“{name_en}” gives no id; an English name needs Latin letters or digits.",
                                "no_id", name=name_en)
    row = {"id": mid, "name_en": name_en, "name_zh": " ".join(str(name_zh or "").split()),
           "symbol": " ".join(str(symbol or "").split()), "grp": " ".join(str(group or "").split()),
           "note": str(note or "").strip(), "edited": " ".join(FIELDS)}
    with project.transaction():
        schema.add_mineral_columns(project.con)
        before = _stored(project.con, mid)
        registry = project.registry()
        if mid in registry.minerals.index:
            raise RegistryEditError(f"“{mid}” is a mineral already ({registry.mineral_name(mid)}).", "taken",
                                    mineral=mid, name=registry.mineral_name(mid))
        _check_names(project, mid, {**{c: row[c] for c in NAMES}, "id": mid}, registry)
        _write(project.con, mid, row)
    return MineralEdit(mineral=mid, label=label or f"Add {name_en}", before=before, after=row,
                       fields=tuple(FIELDS.values()))


def remove_mineral(project, mineral: str, label: str = "") -> MineralEdit:
    """Remove one of the project's own minerals; refused for a built-in one or one the project's rows use."""
    with project.transaction():
        before = _stored(project.con, mineral)
        if before is None or origin(before) != OWN:
            base = _builtin(mineral)
            if base is None:
                raise RegistryEditError(f"“{mineral}” is not a mineral of this project.", "unknown",
                                        mineral=mineral)
            raise RegistryEditError(f"{_effective(before or base)['name_en']} is a built-in mineral; "
                                    "it can be reverted but not removed.", "builtin", mineral=mineral)
        _refuse_if_used(project, mineral, before["name_en"])
        _write(project.con, mineral, None)
    return MineralEdit(mineral=mineral, label=label or f"Remove {before['name_en']}", before=before, after=None)


def revert_mineral(project, mineral: str, label: str = "") -> MineralEdit:
    """Drop the project's overrides of a built-in mineral: it reads as the built-in registry has it."""
    with project.transaction():
        schema.add_mineral_columns(project.con)
        before = _stored(project.con, mineral)
        after = _builtin(mineral)
        if before is None or after is None or origin(before) != CHANGED:     # (CHANGED: built in, and edited)
            raise RegistryEditError(f"“{mineral}” has no changes to revert.", "not_changed", mineral=mineral)
        _check_names(project, mineral, {c: after[c] for c in NAMES if after[c] != _effective(before)[c]})
        _write(project.con, mineral, after)
    return MineralEdit(mineral=mineral, label=label or f"Revert {after['name_en']}", before=before, after=after,
                       fields=tuple(FIELDS[c] for c in before["edited"].split()))


def apply_edit(project, edit: MineralEdit, undo: bool = False) -> MineralEdit:
    """Undo (``undo=True``) or redo ``edit`` in one transaction; refused, changing nothing, when stale."""
    expected, target = (edit.after, edit.before) if undo else (edit.before, edit.after)
    with project.transaction():
        schema.add_mineral_columns(project.con)
        if _stored(project.con, edit.mineral) != expected:
            verb = "undone" if undo else "redone"
            raise RegistryEditError(f"“{edit.label}” cannot be {verb}: the project has changed since.", "stale",
                                    label=edit.label)
        if target is None and expected is not None:       # a removal: the row expected is the mineral's
            _refuse_if_used(project, edit.mineral, expected["name_en"])
        _write(project.con, edit.mineral, target)
    return edit


# -- helpers ---------------------------------------------------------------------------------------------
def _check_names(project, mineral: str, names: dict[str, str], registry=None) -> None:
    registry = registry or project.registry()
    for value in names.values():
        other = name_clash(registry, mineral, value)
        if other is not None:
            raise RegistryEditError(f"“{value}” already names {registry.mineral_name(other)} ({other}); "
                                    "a name can mean one mineral only.", "clash", name=value, other=other)


def _refuse_if_used(project, mineral: str, name: str) -> None:
    used = usage(project, mineral)
    if used:
        raise RegistryEditError(f"{name} cannot be removed: the project's {', '.join(used)} "
                                f"{'table uses' if len(used) == 1 else 'tables use'} it.", "in_use",
                                mineral=mineral, tables=used)


def _write(con, mineral: str, row: dict | None) -> None:
    """Put ``row`` as the stored row of ``mineral`` (None deletes it), inside the caller's transaction."""
    if row is None:
        con.execute("DELETE FROM minerals WHERE id = ?", (mineral,))
    else:
        con.execute(f"INSERT OR REPLACE INTO minerals ({', '.join(ROW)}) VALUES ({', '.join('?' * len(ROW))})",
                    [row[c] for c in ROW])
    revisions.bump(con, ["aliases"])      # the aliases counter stands for the project's registry
