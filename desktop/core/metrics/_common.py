"""Small vectorised helpers shared by the core indicators (no Qt, no I/O)."""
from __future__ import annotations

from typing import Callable, Iterable

import numpy as np
import pandas as pd

from desktop.core.errors import Cancelled

Progress = Callable[[float, str], None] | None
CancelCheck = Callable[[], bool] | None

AGGREGATES = ("WORLD", "OTHERS")
BOUND_STATES = (">", "<", "range")
NUMBER_STATES = ("",) + BOUND_STATES


def check(cancelled: CancelCheck) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("The computation was cancelled.")


def report(progress: Progress, fraction: float, text: str) -> None:
    if progress is not None:
        progress(float(min(max(fraction, 0.0), 1.0)), text)


def states_of(frame: pd.DataFrame, col: str) -> np.ndarray:
    """The state column of ``col`` as an object array ('' where absent or missing)."""
    return states_and_plain(frame, col)[0]


def states_and_plain(frame: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """(:func:`states_of`, its mask of '' cells): one comparison of the whole column."""
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


def in_states(states: np.ndarray, wanted: Iterable[str]) -> np.ndarray:
    out = np.zeros(len(states), dtype=bool)
    for w in wanted:
        out |= states == w
    return out


def numbers_of(frame: pd.DataFrame, col: str) -> np.ndarray:
    if col not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def stated_values(frame: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(value, usable, bound, states): the number where it may be used, else NaN.

    Usable = a finite number whose state is '' or a printed bound ('>', '<', 'range'
    keep the printed number, data-model.md).  ``bound`` marks the bound states.
    """
    values = numbers_of(frame, col)
    states, plain = states_and_plain(frame, col)
    plain, masks = split_states(states, plain)
    bound = np.zeros(len(states), dtype=bool)
    for st in BOUND_STATES:
        if st in masks:
            bound |= masks[st]
    usable = np.isfinite(values) & (plain | bound)
    if usable.all():
        return values, usable, bound, states
    return np.where(usable, values, np.nan), usable, bound & usable, states


def text_column(frame: pd.DataFrame, col: str) -> pd.Series:
    """A key column as plain text ('' for missing), whatever its dtype."""
    if col not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    s = frame[col]
    if isinstance(s.dtype, pd.CategoricalDtype):
        s = s.astype(object)
    if s.isna().any():
        s = s.fillna("")
    return s.astype(object)


def join_flags(n: int, parts: list) -> np.ndarray:
    """Join flags row by row with ';' ('' when none), in the order of ``parts``.

    ``parts`` holds ``(name, mask)`` pairs for fixed flags, or object arrays of
    per-row texts ('' for none) for flags with a detail (``carried_forward:2019``).
    Fixed flags are combined through a bit mask and a lookup table, so the string
    work is per distinct combination, not per row.
    """
    out = np.full(n, "", dtype=object)
    if n == 0:
        return out
    pending: list[tuple[str, np.ndarray]] = []
    started = False

    def flush() -> None:
        nonlocal out, started
        if not pending:
            return
        names = [name for name, _ in pending]
        bits = np.zeros(n, dtype=np.int64)
        for k, (_, mask) in enumerate(pending):
            m = np.asarray(mask, dtype=bool)
            if m.any():
                bits |= m.astype(np.int64) << k
        pending.clear()
        if not bits.any():
            return
        if len(names) <= 16:
            seen = np.flatnonzero(np.bincount(bits, minlength=1 << len(names)))
            table = np.full(1 << len(names), "", dtype=object)
            for u in seen:
                table[u] = ";".join(name for k, name in enumerate(names) if u >> k & 1)
            add = table[bits]
        else:
            uniq, inv = np.unique(bits, return_inverse=True)
            texts = np.array([";".join(name for k, name in enumerate(names) if u >> k & 1) for u in uniq],
                             dtype=object)
            add = texts[inv.reshape(-1)]
        if not started:
            out = add
        else:
            _append(out, add)
        started = True

    for part in parts:
        if isinstance(part, tuple):
            pending.append(part)
        else:
            flush()
            arr = np.asarray(part, dtype=object)
            if not started:
                out = arr.copy()
                started = True
            else:
                _append(out, arr)
    flush()
    return out


def _append(out: np.ndarray, add: np.ndarray) -> None:
    has = add != ""
    if not has.any():
        return
    both = has & (out != "")
    only = has & ~both
    out[only] = add[only]
    if both.any():
        idx = np.flatnonzero(both)
        if len(idx) > 20_000:
            # join once per distinct (existing, added) pair: flags repeat a lot
            ca, ua = pd.factorize(out[idx])
            cb, ub = pd.factorize(add[idx])
            kc, ku = pd.factorize(ca.astype(np.int64) * len(ub) + cb)
            ua, ub = np.asarray(ua, dtype=object), np.asarray(ub, dtype=object)
            out[idx] = (ua[ku // len(ub)] + ";" + ub[ku % len(ub)])[kc]
        else:
            out[idx] = out[idx] + ";" + add[idx]


def minmax(values: np.ndarray) -> tuple[np.ndarray, bool]:
    """Min-max scale over every finite value; (scaled, constant).

    All finite values equal → 0 everywhere (``constant`` True, callers flag it).
    NaN stays NaN.
    """
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    if not finite.any():
        return np.full(values.shape, np.nan), False
    lo = values[finite].min()
    hi = values[finite].max()
    if hi <= lo:
        return np.where(finite, 0.0, np.nan), True
    scaled = (values - lo) / (hi - lo)
    # exact 0 and 1 at the extremes, whatever the rounding
    scaled = np.where(values == lo, 0.0, np.where(values == hi, 1.0, scaled))
    return np.clip(scaled, 0.0, 1.0), False


def in_years(years: np.ndarray, params) -> np.ndarray:
    rng = params.year_range() if params is not None else None
    if rng is None:
        return np.ones(len(years), dtype=bool)
    return (years >= rng[0]) & (years <= rng[1])


def _codes(frame: pd.DataFrame, col: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted factorisation of a text column (categoricals reuse their codes; missing → '')."""
    if col not in frame:
        return np.zeros(n, dtype=np.int64), np.array([""], dtype=object)
    s = frame[col]
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = np.asarray(s.cat.categories, dtype=object)
        codes = s.cat.codes.to_numpy().astype(np.int64)
    else:
        codes, cats = _factorize_runs(s.to_numpy(dtype=object))
    if (codes < 0).any():
        if "" in set(cats.tolist()):
            codes = np.where(codes < 0, int(np.flatnonzero(cats == "")[0]), codes)
        else:
            cats = np.append(cats, "")
            codes = np.where(codes < 0, len(cats) - 1, codes)
    cats = np.array([str(c) for c in cats], dtype=object)
    order = np.argsort(cats.astype(str), kind="stable")
    if (order != np.arange(len(order))).any():
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        codes, cats = rank[codes], cats[order]
    return codes.astype(np.int64, copy=False), cats


def _factorize_runs(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(arr, sort=True)`` that exploits runs of equal values.

    Tables come from the store sorted by key, so a key column is a few long runs:
    factorising only the first value of each run and repeating the codes is several
    times faster.  Falls back to a plain factorisation when runs are short.
    """
    n = len(arr)
    if n >= 100_000:
        change = np.empty(n, dtype=bool)
        change[0] = True
        ptr = _object_pointers(arr)
        heads = None
        if ptr is not None:
            # runs of the *same* str object (shared / interned cells): compare the pointers, no
            # Python-level comparisons; a run boundary between equal values just adds a head
            np.not_equal(ptr[1:], ptr[:-1], out=change[1:])
            heads = np.flatnonzero(change)
            if len(heads) > n // 8:
                heads = None
        if heads is None:
            np.not_equal(arr[1:], arr[:-1], out=change[1:])
            heads = np.flatnonzero(change)
        if len(heads) <= n // 8:
            head_codes, cats = pd.factorize(arr[heads], sort=True)
            codes = np.repeat(head_codes.astype(np.int64), np.diff(np.append(heads, n)))
            return codes, np.asarray(cats, dtype=object)
    codes, cats = pd.factorize(arr, sort=True)
    return codes.astype(np.int64, copy=False), np.asarray(cats, dtype=object)


def _object_pointers(arr: np.ndarray) -> np.ndarray | None:
    """The PyObject pointers of a contiguous object array as an intp view (None if not applicable).

    Equal pointers mean the same object, hence equal values; the view borrows ``arr``'s buffer,
    so it must not outlive ``arr`` (the caller holds it).
    """
    if arr.dtype != object or arr.ndim != 1 or not arr.flags.c_contiguous or len(arr) == 0:
        return None
    import ctypes

    buf = (ctypes.c_ssize_t * len(arr)).from_address(arr.ctypes.data)
    return np.ctypeslib.as_array(buf).view(np.intp)
