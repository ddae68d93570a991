"""Numbers as analysts and publishers write them, parsed into typed states.

A cell is either a plain number (state ``""``) or one of the typed states
below.  States are never turned into 0 and never silently into NaN: the parser
returns the number (or NaN) together with the state, and later stages decide
what a withheld or bounded value means (see docs/data-model.md).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:           # imported in parse_values: the window imports this module before pandas is needed
    import pandas as pd

VALUE = ""            # an ordinary number
WITHHELD = "W"        # USGS "W": withheld to avoid disclosing company data
MISSING = "NA"        # NA, .., …, n.a., -, "not available"
NET_EXPORTER = "E"    # USGS "E": net exporter (in net import reliance columns)
GREATER = ">"         # ">50": the number stored is the printed bound
LESS = "<"            # "<1,000", "Less than ½ unit.": the number stored is the printed bound
RANGE = "range"       # "50–300": the number stored is the lower bound, the state is "range:300"

STATES = (VALUE, WITHHELD, MISSING, NET_EXPORTER, GREATER, LESS, RANGE)


def is_range(state: str) -> bool:
    return state.startswith(RANGE)


def range_high(state: str) -> float:
    """Upper bound of a ``range:<high>`` state."""
    return float(state.split(":", 1)[1])


def format_token(value: float, state: str) -> float | str | None:
    """The cell to write back for a value and its state (inverse of :func:`parse_token`)."""
    if state == VALUE:
        return None if value != value else value
    if state in (WITHHELD, MISSING, NET_EXPORTER):
        return state
    if state in (GREATER, LESS):
        return f"{state}{_plain(value)}"
    if is_range(state):
        return f"{_plain(value)}–{_plain(range_high(state))}"
    return state


def _plain(value: float) -> str:
    """A number as text without exponent or lost digits (1.2e9 → "1200000000")."""
    if float(value).is_integer() and abs(value) < 1e18:
        return str(int(value))
    return repr(float(value))

_MISSING_TOKENS = {"na", "n/a", "n.a.", "n.a", "..", "...", "…", "-", "--", "—", "–", "nan", "null",
                   "none", "not available", "无", "无数据", "不详", "xx"}
_WITHHELD_TOKENS = {"w", "withheld", "保密"}
_NET_EXPORTER_TOKENS = {"e", "net exporter", "净出口"}
_NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\s*(?:-|to|~|至|～)\s*({_NUMBER})$")
_BOUND = re.compile(rf"^(>=|<=|>|<|≥|≤|more than|less than|greater than|over|under)\s*({_NUMBER})\s*(%?)$")
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
_CLEAN = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u00a0": "", "\u202f": "",
                        "\u2009": "", "＞": ">", "＜": "<", "％": "%", "，": ","})


def _to_float(text: str) -> float | None:
    text = text.replace(" ", "")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def parse_token(raw: object) -> tuple[float, str] | None:
    """Parse one cell.  Returns (number, state) or None when it is not a value at all."""
    if raw is None or (isinstance(raw, float) and np.isnan(raw)):
        return (np.nan, VALUE)
    if isinstance(raw, (int, float, np.integer, np.floating)) and not isinstance(raw, bool):
        return (float(raw), VALUE)
    text = str(raw).translate(_CLEAN).strip()
    if text.casefold() not in _MISSING_TOKENS:
        text = text.rstrip(".").strip()  # "Less than ½ unit." and "1,234." end with a full stop
    low = text.casefold()
    if low == "":
        return (np.nan, VALUE)
    if low in _MISSING_TOKENS:
        return (np.nan, MISSING)
    if low in _WITHHELD_TOKENS:
        return (np.nan, WITHHELD)
    if low in _NET_EXPORTER_TOKENS:
        return (np.nan, NET_EXPORTER)
    if low.startswith("less than ½") or low.startswith("less than 1/2"):
        return (0.5, LESS)
    percent = low.endswith("%")
    core = low[:-1].strip() if percent else low
    scale = 0.01 if percent else 1.0
    number = _to_float(core)
    if number is not None:
        return (number * scale, VALUE)
    m = _BOUND.match(core)
    if m:
        number = _to_float(m.group(2))
        if number is not None:
            scale = 0.01 if (percent or m.group(3)) else 1.0
            state = GREATER if m.group(1) in (">", ">=", "≥", "more than", "greater than", "over") else LESS
            return (number * scale, state)
    m = _RANGE.match(core)
    if m and m.group(1) and m.group(2):
        lo, hi = _to_float(m.group(1)), _to_float(m.group(2))
        if lo is not None and hi is not None and lo <= hi:
            return (lo * scale, f"{RANGE}:{hi * scale:g}")
    return None


def parse_values(series: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised parse of a column.

    Returns ``(numbers, states, bad)``: float64 numbers (NaN where there is none),
    object array of states, and a boolean mask of cells that are not values
    (text where a number belongs).  Plain numeric columns take a fast path;
    only the distinct leftover strings go through :func:`parse_token`.
    """
    import pandas as pd   # here, not at the top: the window imports this module before pandas is needed

    n = len(series)
    states = np.full(n, VALUE, dtype=object)
    bad = np.zeros(n, dtype=bool)
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        return series.to_numpy(dtype=float, na_value=np.nan), states, bad
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    raw = series.to_numpy(dtype=object)
    todo = np.isnan(values) & pd.notna(series).to_numpy()
    if todo.any():
        codes, uniques = pd.factorize(raw[todo])
        parsed = [parse_token(u) for u in uniques]
        num = np.array([np.nan if p is None else p[0] for p in parsed], dtype=float)
        st = np.array([VALUE if p is None else p[1] for p in parsed], dtype=object)
        nok = np.array([p is None for p in parsed], dtype=bool)
        idx = np.flatnonzero(todo)
        values[idx] = num[codes]
        states[idx] = st[codes]
        bad[idx] = nok[codes]
    return values, states, bad
