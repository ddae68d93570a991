"""What an analyst types into a table cell, checked on entry, and the text that gives a stored value back.

``parse_cell`` accepts what the import accepts (the same registry names and
aliases, stage and indicator spellings, publisher tokens, year range, value
ranges), so a value typed by hand and the same value imported from a file are
stored alike.  ``format_cell`` is its inverse: ``parse_cell(format_cell(v))``
gives ``v`` back.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from desktop.core.chain.events import EVENT_ALIASES, EVENT_TYPES
from desktop.core.chain.vocabulary import DIMENSION_ALIASES, STREAM_ALIASES
from desktop.core.chain.vocabulary import STAGE_ALIASES as CHAIN_STAGE_ALIASES
from desktop.core.dataset import DIMENSIONS, INT_COLUMNS, SCHEMA, TEXT_COLUMNS, WGI_INDICATORS, columns
from desktop.core.errors import CellError
from desktop.core.ingest.checks import NON_NEGATIVE, UNIT_INTERVAL
from desktop.core.ingest.columns import STAGE_ALIASES, YEAR_MAX, YEAR_MIN, year_of
from desktop.core.registry import AGGREGATE_CODES, Registry, default_registry
from desktop.core.registry.normalise import normalise_name
from desktop.core.values import VALUE, format_token, parse_token

COUNTRY_COLUMNS = ("country", "exporter", "importer")
# The template takes world / other-country totals only where shares are computed from them.
AGGREGATE_TABLES = {"production", "reserves"}
INDICATOR_ALIASES = {k.casefold(): k for k in WGI_INDICATORS} | {f"{k.casefold()}.est": k for k in WGI_INDICATORS}
NUMBER_HELP = "a number, or W, NA, E, >50, <1,000, 50–300 or 12%"


def parse_cell(table: str, column: str, text: object, registry: Registry | None = None, *,
               row: Mapping | None = None) -> object:
    """The value to store for ``text`` typed into ``column`` of ``table``; CellError when it is not valid.

    Returns an int for ``year``, a canonical id for mineral and country
    columns, ``(number, state)`` for a value column with a state companion
    (``quantity`` or ``quantity_state`` alike), a float for other numbers
    (NaN when empty), and text otherwise.  ``row`` (the rest of the row) lets
    a chain-risk dimension be checked against the row's stream, and an event's
    end year against its start year.
    """
    if table not in SCHEMA or column not in columns(table):
        raise ValueError(f"{table} has no column {column!r}")
    keys, stated, _ = SCHEMA[table]
    raw = "" if text is None or (isinstance(text, float) and np.isnan(text)) else str(text).strip()
    base = column.removesuffix("_state")
    if base in stated:
        return _stated(base, raw)
    if raw == "" and column in keys and (column != "stage" or table == "chain_risk"):
        raise CellError(f"The {column} cannot be empty: it identifies the row.")
    if table == "scenarios":
        special = _scenario_cell(column, raw, registry)
        if special is not None:
            return special[0]
    if column in INT_COLUMNS:
        year = year_of(raw)
        if year is None:
            raise CellError(f"“{raw}” is not a year; type a year from {YEAR_MIN} to {YEAR_MAX}.")
        return year
    reg = registry or default_registry()
    if column == "mineral":
        return _mineral(raw, reg)
    if column in COUNTRY_COLUMNS:
        return _country(table, raw, reg)
    return _vocabulary_cell(table, column, raw, row)


def _vocabulary_cell(table: str, column: str, raw: str, row: Mapping | None) -> object:
    """A cell of a column with its own vocabulary (stages, event types, indicators, streams, dimensions),
    an event's end year, free text, or a plain number: the rest of :func:`parse_cell`."""
    if column == "stage":
        return _stage(table, raw)
    if column == "type":
        return _choice(raw, EVENT_ALIASES, "an event type", ", ".join(list(EVENT_TYPES)[:-1])
                       + f" or {list(EVENT_TYPES)[-1]}")
    if column == "end_year":
        return _end_year(raw, row)
    if column == "indicator":
        return _choice(raw, INDICATOR_ALIASES, "a WGI indicator", "one of " + ", ".join(WGI_INDICATORS))
    if column == "stream":
        return _choice(raw, STREAM_ALIASES, "a stream", "primary or recycled (原生 / 再生)")
    if column == "dimension":
        return _dimension(raw, row)
    if column in TEXT_COLUMNS:
        return raw                      # unit, source, note, list: free text
    return _plain_number(column, raw)


def _stage(table: str, raw: str) -> str:
    """A chain stage (chain_risk, events: empty there = the event bears on every stage) or a production stage."""
    if table == "chain_risk":
        return _choice(raw, CHAIN_STAGE_ALIASES, "a chain stage", "mining, processing, use or recycling")
    if table == "events":
        return "" if raw == "" else _choice(raw, CHAIN_STAGE_ALIASES, "a chain stage",
                                            "mining, processing, use or recycling, or leave it empty for every stage")
    return _choice(raw, STAGE_ALIASES, "a production stage", "mine or refinery (矿山 / 冶炼), or leave it empty")


def format_cell(table: str, column: str, value: float | str | None, state: str = "") -> str:
    """The text an analyst would type for a stored value (and its state): the inverse of parse_cell."""
    if table not in SCHEMA or column not in columns(table):
        raise ValueError(f"{table} has no column {column!r}")
    base = column.removesuffix("_state")
    if base in SCHEMA[table][1]:
        number = np.nan if value is None else float(value)
        token = format_token(number, state or VALUE)
        return "" if token is None else token if isinstance(token, str) else _number_text(token)
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if column in INT_COLUMNS:
        return str(int(value))
    if column in TEXT_COLUMNS:
        return str(value)
    return _number_text(float(value))


def _number_text(value: float) -> str:
    """170000.0 → "170000", 0.125 → "0.125": no exponent for whole numbers, no lost digits otherwise."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _stated(column: str, raw: str) -> tuple[float, str]:
    parsed = parse_token(raw)
    if parsed is None:
        raise CellError(f"“{raw}” is not a number; type {NUMBER_HELP}.")
    number, state = parsed
    if column in NON_NEGATIVE and number < 0:
        raise CellError(f"The {column} cannot be negative; type zero or more.")
    if column in UNIT_INTERVAL and not (0 <= number <= 1) and not np.isnan(number):
        raise CellError(f"The {column} is a share between 0 and 1; type for example 0.55 or 55%.")
    return float(number), state


def _scenario_cell(column: str, raw: str, registry: Registry | None = None) -> tuple[object] | None:
    """A cell of the scenarios table that differs from the same column elsewhere, as (value,); None otherwise.

    Its ``type`` is a change type (not an event type), ``change_no`` a count, not a year, and its years
    and factor may be empty (every year / the parameters' target year / no change)."""
    from desktop.core.scenarios.model import TYPE_ALIASES

    if column == "type":
        found = TYPE_ALIASES.get(normalise_name(raw))
        if found is None:
            raise CellError(f"“{raw}” is not a change type; type production, exports, demand or event.")
        return (found[0],)
    if column == "event":               # the policy event an event change adds; empty for the other changes
        if raw == "":
            return ("",)
        from desktop.core.chain.events import event_type

        kind = event_type(raw)
        if kind is None:
            raise CellError(f"“{raw}” is not a policy event type; type export ban, export quota, export licence, "
                            "tariff … (docs/risk-matrix.md lists them), or leave it empty.")
        return (kind,)
    if column == "change_no":
        if not raw.isdigit() or int(raw) < 1:
            raise CellError(f"“{raw}” is not a change number; type 1, 2, 3 …")
        return (int(raw),)
    if column in ("from_year", "target_year"):
        if raw == "":
            return (float("nan"),)
        year = year_of(raw)
        if year is None:
            raise CellError(f"“{raw}” is not a year; type a year from {YEAR_MIN} to {YEAR_MAX}, or leave it empty.")
        return (float(year),)
    if column == "country" and raw == "":
        return ("",)                    # a demand change names no country
    if column == "partners":            # the importers an export change reaches; empty = every partner
        import re

        from desktop.core.scenarios.model import PARTNER_SEPARATORS, join_partners

        reg = registry or default_registry()
        return (join_partners(_country("scenarios", item, reg) for item in re.split(PARTNER_SEPARATORS, raw)
                              if item.strip()),)
    if column == "factor" and raw == "":
        raise CellError("The factor cannot be empty; type 0.5 to halve, 0 to remove or ban, 5 for demand ×5.")
    return None


def _end_year(raw: str, row: Mapping | None) -> float:
    """The last year an event is in force (NaN when empty: still in force), not before its start."""
    if raw == "":
        return float("nan")
    year = year_of(raw)
    if year is None:
        raise CellError(f"“{raw}” is not a year; type a year from {YEAR_MIN} to {YEAR_MAX}, "
                        "or leave it empty while the event is in force.")
    start = (row or {}).get("start_year")
    if start is not None and not (isinstance(start, float) and np.isnan(start)) and year < int(start):
        raise CellError(f"The end year {year} is before the start year {int(start)}; type {int(start)} or later.")
    return float(year)


def _plain_number(column: str, raw: str) -> float:
    parsed = parse_token(raw)
    if parsed is None or parsed[1] != VALUE:
        raise CellError(f"“{raw}” is not a number; type a plain number (or leave the {column} empty).")
    if parsed[0] < 0:
        raise CellError(f"The {column} cannot be negative; type zero or more.")
    return float(parsed[0])


def _mineral(raw: str, reg: Registry) -> str:
    found = reg.mineral_id(raw)
    if found is not None:
        return found
    raise CellError(f"“{raw}” is not a known mineral; " + _hint(reg.suggest("mineral", raw),
                    "type its English or Chinese name, its symbol or its id."))


def _country(table: str, raw: str, reg: Registry) -> str:
    found = reg.country_code(raw)
    if found in AGGREGATE_CODES and table not in AGGREGATE_TABLES:
        raise CellError(f"“{raw}” is a total of countries; the {table} table takes a single country.")
    if found is not None:
        return found
    reason = reg.region_reason(raw)
    if reason:
        raise CellError(f"“{raw}” is {reason}; type a single country.")
    raise CellError(f"“{raw}” is not a known country; " + _hint(reg.suggest("country", raw),
                    "type its English or Chinese name or its ISO code (e.g. COD)."))


def _hint(suggestions: list[str], otherwise: str) -> str:
    if not suggestions:
        return otherwise
    if len(suggestions) == 1:
        return f"did you mean {suggestions[0]}?"
    return f"did you mean {', '.join(suggestions[:-1])} or {suggestions[-1]}?"


def _choice(raw: str, aliases: dict[str, str], what: str, expected: str) -> str:
    found = aliases.get(normalise_name(raw))
    if found is None:
        raise CellError(f"“{raw}” is not {what}; type {expected}.")
    return found


def _dimension(raw: str, row: Mapping | None) -> str:
    stream = str((row or {}).get("stream") or "")        # "": no stream yet, every dimension is allowed
    allowed = DIMENSIONS.get(stream, tuple(dict.fromkeys(DIMENSIONS["primary"] + DIMENSIONS["recycled"])))
    found = DIMENSION_ALIASES.get(normalise_name(raw))
    if found not in allowed:
        of = f"of the {stream} stream" if stream in DIMENSIONS else ""
        listed = ", ".join(allowed[:-1]) + f" or {allowed[-1]}"
        raise CellError(f"“{raw}” is not a risk dimension{' ' + of if of else ''}; type {listed}.")
    return found
