"""What-if scenarios (情景): a named set of changes, kept in the project's ``scenarios`` table.

A :class:`Scenario` has a name, a rationale, a source and its :class:`Change` s.  A change is one of

* ``production`` — scale a country's production of a mineral (optionally one stage) from a year on by
  ``factor`` (0.5 = halved, 0 = removed: a mine closes, a conflict);
* ``exports`` — scale a country's exports of a mineral by ``factor`` (0 = an export ban, 0.7 = a quota at
  70 % of the exports), to every partner or only to the ``partners`` named (ISO3 codes; stored ';'-joined);
* ``demand`` — multiply a mineral's demand by ``factor`` from the base year to ``target_year``;
* ``event`` — a policy event (``event``: its type, :mod:`desktop.core.chain.events`) that a country applies to
  a mineral from ``from_year`` (required) to ``target_year`` (empty = still in force); it changes no quantity
  (pair it with an exports change for that) but the risk matrix and the alerts see it.  ``stage`` is the
  production stage (mine → the chain's mining stage, refinery → processing; empty = every stage).

The table stores one row per change (keys ``scenario``, ``change_no``); the scenario's rationale and source
are repeated on each row, so a scenario is whole in any subset of the rows an analyst copies.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:           # the template recogniser calls this module: no import of ingest when it runs
    from desktop.core.ingest.base import ParseContext
    from desktop.core.ingest.readers import RawSheet

CHANGE_TYPES = ("production", "exports", "demand", "event")
# typed or imported spelling -> (type, factor implied when the cell is empty)
TYPE_ALIASES: dict[str, tuple[str, float | None]] = {
    "production": ("production", None), "scale production": ("production", None), "output": ("production", None),
    "remove": ("production", 0.0), "remove production": ("production", 0.0), "stop production": ("production", 0.0),
    "产量": ("production", None), "减产": ("production", None), "停产": ("production", 0.0),
    "exports": ("exports", None), "export": ("exports", None), "export quota": ("exports", None),
    "quota": ("exports", None), "export ban": ("exports", 0.0), "ban": ("exports", 0.0),
    "出口": ("exports", None), "出口配额": ("exports", None), "出口禁令": ("exports", 0.0),
    "禁止出口": ("exports", 0.0),
    "demand": ("demand", None), "demand multiplier": ("demand", None), "需求": ("demand", None),
    "需求倍数": ("demand", None), "需求增长": ("demand", None),
    # an event scales nothing: its factor is 1
    "event": ("event", 1.0), "policy event": ("event", 1.0), "policy": ("event", 1.0),
    "政策事件": ("event", 1.0), "政策": ("event", 1.0), "事件": ("event", 1.0),
}
# production stage of a change -> the chain stage of the policy event it adds
EVENT_STAGES = {"": "", "mine": "mining", "refinery": "processing"}
TABLE = "scenarios"


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


PARTNER_SEPARATORS = r"[;；、]+"       # not a comma: "Korea, Republic of" is one name


def split_partners(value) -> tuple[str, ...]:
    """``"USA; JPN"`` / ``["usa", "JPN"]`` → ``("USA", "JPN")`` (order kept, each once); blank → ()."""
    import re

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    items = re.split(PARTNER_SEPARATORS, value) if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        code = str(item or "").strip().upper()
        if code and code not in out:
            out.append(code)
    return tuple(out)


def join_partners(partners) -> str:
    return ";".join(split_partners(partners))


@dataclass(frozen=True)
class Change:
    type: str                       # production | exports | demand | event
    mineral: str
    country: str = ""               # "" for demand
    factor: float = 1.0
    stage: str = ""                 # production stage (mine / refinery); "" = every stage
    from_year: int | None = None    # None = every year
    target_year: int | None = None  # demand: None = the parameters' target year; event: last year, None = in force
    partners: tuple[str, ...] = ()  # exports only: the importers that lose the exports; () = every partner
    event: str = ""                 # event only: the policy event's type (chain.events.EVENT_TYPES)

    def __post_init__(self) -> None:
        if self.type not in CHANGE_TYPES:
            raise ValueError(f"a change is one of {', '.join(CHANGE_TYPES)}, not {self.type!r}")
        if not (self.factor >= 0 and math.isfinite(self.factor)):
            raise ValueError(f"the factor must be a number of 0 or more, not {self.factor!r}")
        if self.type == "demand" and not self.factor > 0:
            raise ValueError("a demand multiplier must be more than 0")
        if self.type != "demand" and not str(self.country).strip():
            raise ValueError(f"a {self.type} change needs a country")
        object.__setattr__(self, "country", str(self.country or "").strip().upper())
        object.__setattr__(self, "stage", str(self.stage or ""))
        object.__setattr__(self, "partners", split_partners(self.partners))
        if self.partners and self.type != "exports":
            raise ValueError("only an exports change names partners")
        if self.country in self.partners:
            raise ValueError(f"{self.country} cannot be its own export partner")
        for name in ("from_year", "target_year"):
            v = getattr(self, name)
            object.__setattr__(self, name, None if _blank(v) else int(v))
        self._check_event()

    def _check_event(self) -> None:
        from desktop.core.chain.events import EVENT_TYPES, event_type

        if self.type != "event":
            if not _blank(self.event):
                raise ValueError("only an event change names a policy event")
            object.__setattr__(self, "event", "")
            return
        kind = event_type(self.event)          # ids, English and Chinese names alike
        if kind is None:
            raise ValueError(f"{self.event!r} is not a policy event type ({', '.join(EVENT_TYPES)})")
        if self.from_year is None:
            raise ValueError("a policy event needs the year it starts")
        if self.target_year is not None and self.target_year < self.from_year:
            raise ValueError("a policy event cannot end before it starts")
        if self.stage not in EVENT_STAGES:
            raise ValueError(f"the stage of a policy event is mine, refinery or empty, not {self.stage!r}")
        object.__setattr__(self, "event", kind)
        object.__setattr__(self, "factor", 1.0)         # an event scales nothing

    def describe(self) -> str:
        """One line in English, e.g. 'COD cobalt (mine) from 2024: production ×0.5'."""
        where = f" ({self.stage})" if self.stage else ""
        when = f" from {self.from_year}" if self.from_year else ""
        if self.type == "demand":
            return f"{self.mineral} demand ×{self.factor:g}" + (f" by {self.target_year}" if self.target_year else "")
        if self.type == "event":
            from desktop.core.chain.events import EVENT_TYPES

            until = f"–{self.target_year}" if self.target_year else " on"
            return f"{self.country} {self.mineral}{where}: {EVENT_TYPES[self.event].en.lower()} {self.from_year}{until}"
        what = ("export ban" if self.factor == 0 else f"exports ×{self.factor:g}") if self.type == "exports" \
            else ("production stops" if self.factor == 0 else f"production ×{self.factor:g}")
        to = f" to {', '.join(self.partners)}" if self.partners else ""
        return f"{self.country} {self.mineral}{where}{when}: {what}{to}"


@dataclass(frozen=True)
class Scenario:
    name: str
    changes: tuple[Change, ...] = field(default_factory=tuple)
    rationale: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if not str(self.name).strip():
            raise ValueError("a scenario needs a name")
        object.__setattr__(self, "name", str(self.name).strip())
        object.__setattr__(self, "changes", tuple(self.changes))

    @property
    def minerals(self) -> list[str]:
        return sorted({c.mineral for c in self.changes})

    @property
    def countries(self) -> list[str]:
        return sorted({c.country for c in self.changes if c.country})

    def renamed(self, name: str) -> Scenario:
        return replace(self, name=name)


def to_rows(scenarios) -> pd.DataFrame:
    """The canonical ``scenarios`` rows of ``scenarios`` (one Scenario or several)."""
    from desktop.core.dataset import conform

    scenarios = [scenarios] if isinstance(scenarios, Scenario) else list(scenarios)
    rows = [{"scenario": s.name, "change_no": i, "type": c.type, "mineral": c.mineral, "country": c.country,
             "stage": c.stage, "from_year": np.nan if c.from_year is None else float(c.from_year),
             "factor": float(c.factor), "target_year": np.nan if c.target_year is None else float(c.target_year),
             "rationale": s.rationale, "source": s.source, "partners": join_partners(c.partners), "event": c.event}
            for s in scenarios for i, c in enumerate(s.changes, start=1)]
    from desktop.core.dataset import columns
    return conform(TABLE, pd.DataFrame(rows, columns=columns(TABLE)))


def from_rows(frame: pd.DataFrame | None) -> list[Scenario]:
    """The scenarios of a ``scenarios`` table, in name order, their changes in ``change_no`` order.

    The rationale and source are the first non-empty ones of the scenario's rows (they are repeated)."""
    if frame is None or len(frame) == 0:
        return []
    out = []
    frame = frame.sort_values(["scenario", "change_no"], kind="stable")
    for name, rows in frame.groupby("scenario", sort=True):
        changes = []
        for r in rows.itertuples(index=False):
            partners = split_partners(getattr(r, "partners", "")) if r.type == "exports" else ()
            changes.append(Change(type=r.type, mineral=r.mineral, country=r.country or "",
                                  factor=float(r.factor) if not _blank(r.factor) else 1.0, stage=r.stage or "",
                                  from_year=r.from_year, target_year=r.target_year, partners=partners,
                                  event=getattr(r, "event", "") if r.type == "event" else ""))
        out.append(Scenario(name=str(name), changes=tuple(changes), rationale=_first(rows["rationale"]),
                            source=_first(rows["source"])))
    return out


def _first(values) -> str:
    """The first non-empty text of a scenario's repeated column."""
    return next((str(v) for v in values if not _blank(v)), "")


def find(scenarios, name: str) -> Scenario | None:
    return next((s for s in scenarios if s.name == name), None)


def free_name(taken, base: str) -> str:
    """``base``, or ``base (2)``, ``base (3)`` … — the first not in ``taken`` (a duplicate's name)."""
    taken = set(taken)
    if base not in taken:
        return base
    n = 2
    while f"{base} ({n})" in taken:
        n += 1
    return f"{base} ({n})"


# -- the template sheet ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Sheet:
    """The scenarios sheet being parsed: where to report, its columns (``found``: name -> (header, …)) and the
    spreadsheet row of each of its ``n`` rows."""

    sheet: RawSheet
    ctx: ParseContext
    frame: pd.DataFrame
    found: dict
    rows: np.ndarray

    @property
    def n(self) -> int:
        return len(self.frame)

    def col(self, name: str) -> pd.Series | None:
        return self.frame[self.found[name][0]] if name in self.found else None

    def header(self, name: str) -> str:
        """The column's header as written (its name when the sheet lacks it)."""
        return self.found.get(name, (name,))[0]

    def report(self, where: np.ndarray, values, column: str, code: str, message, expected) -> None:
        from desktop.core.ingest import columns as cols

        cols.report_cells(self.ctx, self.sheet, self.rows[where], values[where], column, code, message,
                          expected=expected)


def parse_scenario_sheet(sheet, ctx, frame, found, rows) -> pd.DataFrame:
    """The ``scenarios`` sheet of the template: checks each cell and says what is wrong, as the other sheets."""
    from desktop.core.ingest import columns as cols

    s = _Sheet(sheet=sheet, ctx=ctx, frame=frame, found=found, rows=rows)
    out: dict = {}
    out["scenario"], bad = _scenario_names(s)
    out["type"], implied, b = _change_types(s)
    bad |= b
    ids, b = cols.parse_ids(ctx, sheet, s.col("mineral"), rows, found["mineral"][0], "mineral")
    out["mineral"] = ids.to_numpy(dtype=object)
    bad |= b
    out["country"], bad = _countries(s, out["type"], bad)
    out["partners"], b = _parse_partners(ctx, sheet, s.col("partners"), rows, s.header("partners"), s.n)
    bad |= b
    out["partners"] = np.where(out["type"] == "exports", out["partners"], "").astype(object)
    out["event"], b = _parse_events(ctx, sheet, s.col("event"), rows, s.header("event"), out["type"] == "event")
    bad |= b
    out["stage"], b = _stages(s)
    bad |= b
    for name in ("from_year", "target_year"):
        out[name], b = _years(s, name)
        bad |= b
    out["factor"], bad = _factors(s, out["type"], implied, bad)
    for name in ("rationale", "source"):
        out[name] = _texts(s, name)
    out["change_no"], b = _change_numbers(s, out["scenario"])
    bad |= b
    bad = _check_events(s, out, bad)
    out["factor"] = np.where(out["type"] == "event", 1.0, out["factor"])     # an event scales nothing
    result = pd.DataFrame(out)
    bad = _check_duplicates(s, result, bad)
    result["_row"] = rows
    return result[~bad].reset_index(drop=True)


def _scenario_names(s: _Sheet) -> tuple[np.ndarray, np.ndarray]:
    """The scenarios' names; an empty one is an error."""
    from desktop.core.ingest import columns as cols
    from desktop.core.messages import msg

    raw = s.col("scenario")
    names = cols.map_unique(raw, lambda v: "" if cols.is_blank(v) else str(v).strip())
    empty = (names == "").to_numpy()
    if empty.any():
        s.report(empty, raw, s.found["scenario"][0], "missing_scenario", msg("problem.scenario_name_empty"),
                 msg("expected.scenario_name"))
    return names.to_numpy(dtype=object), np.array(empty, dtype=bool)     # a copy: the caller adds to it


def _change_types(s: _Sheet) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(type, the factor the spelling implies or NaN, bad) of each change (``TYPE_ALIASES``)."""
    from desktop.core.ingest import columns as cols
    from desktop.core.messages import msg
    from desktop.core.registry.normalise import normalise_name

    raw = s.col("type")
    typed = cols.map_unique(raw, lambda v: TYPE_ALIASES.get(normalise_name("" if cols.is_blank(v) else v)))
    wrong = typed.isna().to_numpy()
    if wrong.any():
        s.report(wrong, raw, s.found["type"][0], "bad_type", msg("problem.unknown_choice", column=s.found["type"][0]),
                 msg("expected.scenario_type"))
    types = np.array([t[0] if isinstance(t, tuple) else "" for t in typed], dtype=object)
    implied = np.array([t[1] if isinstance(t, tuple) and t[1] is not None else np.nan for t in typed], dtype=float)
    return types, implied, wrong


def _countries(s: _Sheet, types: np.ndarray, bad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The country of each change (single countries only), required by production and exports changes;
    returns the countries and ``bad`` with the rows found wrong here."""
    from desktop.core.ingest import columns as cols
    from desktop.core.messages import msg, term

    bad = bad.copy()
    country = np.full(s.n, "", dtype=object)
    raw = s.col("country")
    if raw is not None:
        given = ~cols.map_unique(raw, cols.is_blank).to_numpy(dtype=bool)
        if given.any():
            idx = np.flatnonzero(given)
            c, b = cols.parse_ids(s.ctx, s.sheet, raw.iloc[idx], s.rows[idx], s.found["country"][0], "country",
                                  allow_aggregates=False)
            country[idx] = c.to_numpy(dtype=object)
            bad[idx] |= b
    lacking = np.isin(types, ("production", "exports")) & (country == "") & ~bad
    if lacking.any():
        s.report(lacking, pd.Series(types), s.header("country"), "missing_country",
                 msg("problem.scenario_needs_country"), msg("expected.name_or_code", kind=term("kind", "country")))
        bad |= lacking
    return country, bad


def _stages(s: _Sheet) -> tuple[np.ndarray, np.ndarray]:
    from desktop.core.ingest import columns as cols

    raw = s.col("stage")
    if raw is None:
        return np.full(s.n, "", dtype=object), np.zeros(s.n, dtype=bool)
    return cols.parse_stage(s.ctx, s.sheet, raw, s.rows, s.found["stage"][0], s.n)


def _years(s: _Sheet, name: str) -> tuple[np.ndarray, np.ndarray]:
    """A year column that may be empty (NaN)."""
    from desktop.core.ingest import columns as cols
    from desktop.core.messages import msg

    raw = s.col(name)
    if raw is None:
        return np.full(s.n, np.nan), np.zeros(s.n, dtype=bool)
    blank = cols.map_unique(raw, cols.is_blank).to_numpy(dtype=bool)
    years = np.where(blank, np.nan, pd.to_numeric(cols.years_of(raw), errors="coerce").to_numpy(dtype=float))
    not_year = ~blank & np.isnan(years)
    if not_year.any():
        s.report(not_year, raw, s.found[name][0], "bad_year", msg("problem.not_a_year"), msg("expected.year_or_empty"))
    return years, not_year


def _factors(s: _Sheet, types: np.ndarray, implied: np.ndarray, bad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The factor of each change (an empty cell: the one its type's spelling implies), not negative, and
    positive for demand; returns the factors and ``bad`` with the rows found wrong here."""
    from desktop.core.ingest import columns as cols
    from desktop.core.messages import msg

    bad = bad.copy()
    raw = s.col("factor")
    factor = implied.copy()
    if raw is not None:
        given = ~cols.map_unique(raw, cols.is_blank).to_numpy(dtype=bool)
        if given.any():
            idx = np.flatnonzero(given)
            values, _, b = cols.parse_numbers(s.ctx, s.sheet, raw.iloc[idx], s.rows[idx], s.found["factor"][0])
            factor[idx] = values
            bad[idx] |= b
    wrong = ~bad & (~np.isfinite(factor) | (factor < 0) | ((types == "demand") & (factor <= 0)))
    if wrong.any():
        s.report(wrong, pd.Series(factor), s.header("factor"), "bad_factor", msg("problem.bad_factor"),
                 msg("expected.factor"))
        bad |= wrong
    return factor, bad


def _texts(s: _Sheet, name: str) -> np.ndarray:
    from desktop.core.ingest import columns as cols

    raw = s.col(name)
    if raw is None:
        return np.full(s.n, "", dtype=object)
    return cols.map_unique(raw, lambda v: "" if cols.is_blank(v) else str(v).strip()).to_numpy(dtype=object)


def _change_numbers(s: _Sheet, scenarios: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each change's number: as written (a whole number from 1), or, when empty, the next one of its
    scenario in sheet order."""
    from desktop.core.ingest import columns as cols
    from desktop.core.messages import msg

    raw = s.col("change_no")
    wrong = np.zeros(s.n, dtype=bool)
    if raw is not None:
        nums = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
        blank = cols.map_unique(raw, cols.is_blank).to_numpy(dtype=bool)
        wrong = ~blank & (~np.isfinite(nums) | (nums < 1) | (nums != np.round(nums)))
        if wrong.any():
            s.report(wrong, raw, s.found["change_no"][0], "bad_change_no", msg("problem.bad_change_no"),
                     msg("expected.change_no"))
    else:
        nums, blank = np.full(s.n, np.nan), np.ones(s.n, dtype=bool)
    numbers = np.zeros(s.n, dtype="int64")
    written = ~blank & np.isfinite(nums)
    used: dict[str, set] = {}
    for at in np.flatnonzero(written):
        used.setdefault(scenarios[at], set()).add(int(nums[at]))
    for i in range(s.n):
        taken = used.setdefault(scenarios[i], set())
        if written[i]:
            numbers[i] = int(nums[i])
        else:
            numbers[i] = max(taken, default=0) + 1
            taken.add(int(numbers[i]))
    return numbers, wrong


def _check_events(s: _Sheet, out: dict, bad: np.ndarray) -> np.ndarray:
    """An event change needs its event type and its first year; ``bad`` with the rows lacking them."""
    from desktop.core.messages import msg

    incomplete = ~bad & (out["type"] == "event") & ((out["event"] == "") | np.isnan(out["from_year"]))
    if incomplete.any():
        s.report(incomplete, pd.Series(out["event"]), s.header("event"), "incomplete_event",
                 msg("problem.scenario_event_incomplete"), msg("expected.event_type"))
    return bad | incomplete


def _check_duplicates(s: _Sheet, result: pd.DataFrame, bad: np.ndarray) -> np.ndarray:
    """Two changes of one scenario with one number; ``bad`` with both rows."""
    from desktop.core.messages import msg

    dup = result.duplicated(["scenario", "change_no"], keep=False).to_numpy() & ~bad
    if dup.any():
        s.report(dup, pd.Series(result["change_no"].to_numpy()), s.header("change_no"), "duplicate_change",
                 msg("problem.duplicate_change"), msg("expected.change_no"))
    return bad | dup


def _parse_events(ctx, sheet, raw, rows, column: str, is_event: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ``event`` cells: a policy event's type (id, English or Chinese name), only on event changes."""
    from desktop.core.chain.events import event_type
    from desktop.core.ingest import columns as cols
    from desktop.core.messages import msg

    n = len(is_event)
    out = np.full(n, "", dtype=object)
    bad = np.zeros(n, dtype=bool)
    if raw is None:
        return out, bad
    given = ~cols.map_unique(raw, cols.is_blank).to_numpy(dtype=bool)
    misplaced = given & ~is_event
    if misplaced.any():
        cols.report_cells(ctx, sheet, rows[misplaced], raw[misplaced], column, "misplaced_event",
                          msg("problem.scenario_event_misplaced"), expected=msg("expected.event_type"))
        bad |= misplaced
    kinds = cols.map_unique(raw, lambda v: "" if cols.is_blank(v) else event_type(v))
    unknown = given & is_event & kinds.isna().to_numpy()
    if unknown.any():
        cols.report_cells(ctx, sheet, rows[unknown], raw[unknown], column, "bad_event",
                          msg("problem.unknown_choice", column=column), expected=msg("expected.event_type"))
        bad |= unknown
    ok = given & is_event & ~unknown
    out[ok] = kinds.to_numpy(dtype=object)[ok]
    return out, bad


def _parse_partners(ctx, sheet, raw, rows, column: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``partners`` cells: names or codes of countries, ';'-separated, as ';'-joined ISO3 (empty = all)."""
    import re

    from desktop.core.ingest import columns as cols

    out = np.full(n, "", dtype=object)
    bad = np.zeros(n, dtype=bool)
    if raw is None:
        return out, bad
    where, items = [], []
    for i, v in enumerate(raw.tolist()):
        if cols.is_blank(v):
            continue
        for item in re.split(PARTNER_SEPARATORS, str(v)):
            if item.strip():
                where.append(i)
                items.append(item.strip())
    if not items:
        return out, bad
    idx = np.array(where)
    ids, b = cols.parse_ids(ctx, sheet, pd.Series(items, dtype=object), rows[idx], column, "country",
                            allow_aggregates=False)
    codes: dict[int, list[str]] = {}
    for i, code, wrong in zip(idx, ids.tolist(), b):
        if wrong:
            bad[i] = True
        else:
            codes.setdefault(int(i), []).append(str(code))
    for i, found in codes.items():
        out[i] = join_partners(found)
    return out, bad
