"""The value columns and their state columns (data-model.md): which numbers an indicator may use.

A value column ``x`` has a companion ``x_state``: '' for a plain number, a printed bound ('>', '<',
'range': the printed number is kept and used), 'W' for withheld, or another publisher token (no number).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

BOUND_STATES = (">", "<", "range")


def states_and_plain(frame: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """(the state column of ``col`` as an object array, '' where absent or missing; its mask of '' cells):
    one comparison of the whole column."""
    name = f"{col}_state"
    if name not in frame:
        return np.full(len(frame), "", dtype=object), np.ones(len(frame), dtype=bool)
    st = frame[name]
    if isinstance(st.dtype, pd.CategoricalDtype):
        st = st.astype(object)
    arr = st.to_numpy(dtype=object)
    plain = arr == ""
    if not plain.all():
        # only the few non-plain cells are looked at again (NaN / None → '')
        idx = np.flatnonzero(~plain)
        odd = pd.isna(arr[idx])
        if odd.any():
            arr = arr.copy()
            arr[idx[odd]] = ""
            plain[idx[odd]] = True
    return arr, plain


def split_states(states: np.ndarray, plain: np.ndarray | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """(plain mask, {state: mask}) where the state masks are computed only when needed.

    ``plain``: ``states == ''`` when the caller has it (:func:`states_and_plain`)."""
    plain = states == "" if plain is None else plain
    out: dict[str, np.ndarray] = {}
    if plain.all():
        return plain, out
    if states.dtype != object:
        states = states.astype(object)
    idx = np.flatnonzero(~plain)
    sub = states[idx]
    for st in pd.unique(sub):
        mask = np.zeros(len(states), dtype=bool)
        mask[idx[sub == st]] = True
        out[str(st)] = mask
    return plain, out


def numbers_of(frame: pd.DataFrame, col: str) -> np.ndarray:
    if col not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def stated_values(frame: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(value, usable, bound, states): the number where it may be used, else NaN.

    Usable = a finite number whose state is '' or a printed bound ('>', '<', 'range'
    keep the printed number, data-model.md).  ``bound`` marks the bound states.
    """
    return stated_values_and_masks(frame, col)[:4]


def stated_values_and_masks(frame: pd.DataFrame, col: str
                            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """:func:`stated_values` plus {state: row mask} of the states other than '' (e.g. 'W')."""
    values = numbers_of(frame, col)
    states, plain = states_and_plain(frame, col)
    plain, masks = split_states(states, plain)
    bound = np.zeros(len(states), dtype=bool)
    for st in BOUND_STATES:
        if st in masks:
            bound |= masks[st]
    usable = np.isfinite(values) & (plain | bound)
    if usable.all():
        return values, usable, bound, states, masks
    return np.where(usable, values, np.nan), usable, bound & usable, states, masks


def text_column(frame: pd.DataFrame, col: str) -> pd.Series:
    """A key column as plain text ('' for missing), whatever its dtype."""
    if col not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    s = frame[col]
    if isinstance(s.dtype, pd.CategoricalDtype):
        s = s.astype(object)
    # "every cell is a str" is one C-level type check; isna() on objects is several times slower
    if not (s.dtype == object and pd.api.types.infer_dtype(s, skipna=False) == "string") and s.isna().any():
        s = s.fillna("")
    return s.astype(object)
