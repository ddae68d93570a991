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
    plain = _equals_empty(arr)
    if not plain.all():
        # only the few non-plain cells are looked at again (NaN / None → '')
        idx = np.flatnonzero(~plain)
        odd = pd.isna(arr[idx])
        if odd.any():
            arr = arr.copy()
            arr[idx[odd]] = ""
            plain[idx[odd]] = True
    return arr, plain


def _equals_empty(arr: np.ndarray) -> np.ndarray:
    """``arr == ''`` for an object array.  Most cells of a state column are the one empty-str object
    CPython shares, so the pointers are compared first and only the other cells compared as text."""
    ptr = _object_pointers(arr) if len(arr) >= 10_000 else None
    if ptr is None:
        return arr == ""
    plain = ptr == id("")
    rest = np.flatnonzero(~plain)
    if len(rest):
        plain[rest] = arr[rest] == ""
    return plain


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
    return stated_values_and_masks(frame, col)[:4]


def stated_values_and_masks(frame: pd.DataFrame, col: str):
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


def join_flags(n: int, parts: list) -> np.ndarray:
    """Join flags row by row with ';' ('' when none), in the order of ``parts``.

    ``parts`` holds ``(name, mask)`` pairs for fixed flags, or per-row texts ('' for none) for flags
    with a detail (``carried_forward:2019``): an object array, or a ``pandas.Categorical`` (its codes
    are used as they are, no text is looked at per row).  See :func:`flag_codes`.
    """
    codes, labels = flag_codes(n, parts)
    return labels[codes]


def detail_flag(name: str, detail: pd.Series) -> np.ndarray:
    """The per-row texts ``name:detail`` ('' where there is no detail) of a flag with a detail, for join_flags."""
    return np.where(detail.notna().to_numpy(), (name + ":" + detail.fillna("").astype(str)).to_numpy(dtype=object),
                    "").astype(object)


def flag_codes(n: int, parts: list) -> tuple[np.ndarray, np.ndarray]:
    """:func:`join_flags` as (code per row, distinct texts), the texts in the order of the combined key
    (for a categorical flag column).

    Every part becomes an integer code per row (fixed flags: bits of a mask; detail texts: their
    factorisation), the codes are combined into one key, and the text is joined once per distinct
    key: the string work is per distinct combination, not per row.
    """
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.array([""], dtype=object)
    # components: ("bits", names, codes) or ("text", distinct texts, codes)
    comps: list[tuple[str, list, np.ndarray]] = []
    names: list[str] = []
    bits = np.zeros(n, dtype=np.int64)

    def flush() -> None:
        nonlocal bits, names
        if names and bits.any():
            comps.append(("bits", names, bits))
        names, bits = [], np.zeros(n, dtype=np.int64)

    for part in parts:
        if isinstance(part, tuple):
            name, mask = part
            if len(names) == 62:
                flush()
            m = np.asarray(mask, dtype=bool)
            if m.any():
                bits |= m.astype(np.int64) << len(names)
            names.append(name)
        else:
            flush()
            if isinstance(part, pd.Categorical):
                codes, uniq = part.codes.astype(np.int64), part.categories
            else:
                codes, uniq = pd.factorize(np.asarray(part, dtype=object))
            texts = ["" if pd.isna(u) else str(u) for u in uniq]
            if any(texts):
                comps.append(("text", texts + [""], np.where(codes < 0, len(texts), codes)))
    flush()
    if not comps:
        return np.zeros(n, dtype=np.int64), np.array([""], dtype=object)
    # one mixed-radix key, re-factorised (a "fold") before it could overflow; ``steps`` records
    # how to decode it: ("mul", size) per component, ("fold", the key values of the codes)
    key = np.zeros(n, dtype=np.int64)
    steps: list[tuple[str, object]] = []
    for kind, labels, codes in comps:
        size = (int(codes.max()) + 1) if kind == "bits" else len(labels)
        if (int(key.max()) + 1) * size >= 2**62:
            key, seen = pd.factorize(key)
            key = key.astype(np.int64)
            steps.append(("fold", np.asarray(seen, dtype=np.int64)))
        key = key * size + codes
        steps.append(("mul", size))
    inv, uniq = pd.factorize(key, sort=True)
    texts = np.array([_flag_text(int(u), comps, steps) for u in uniq], dtype=object)
    return inv.astype(np.int64, copy=False), texts


def _flag_text(key: int, comps: list, steps: list) -> str:
    """The ';'-joined text of one combined key of :func:`join_flags`."""
    pieces: list[str] = []
    comp = len(comps)
    for kind, arg in reversed(steps):
        if kind == "fold":
            key = int(arg[key])
            continue
        key, code = divmod(key, arg)
        comp -= 1
        c_kind, labels, _ = comps[comp]
        if c_kind == "bits":
            pieces.append(";".join(nm for k, nm in enumerate(labels) if code >> k & 1))
        else:
            pieces.append(labels[code])
    return ";".join(p for p in reversed(pieces) if p)


def dense_codes(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``numpy.unique(key, return_inverse=True)`` for non-negative int64 keys; a bincount over the key
    range when it is small (no sort), else the sort."""
    key = np.asarray(key, dtype=np.int64)
    if len(key) and key.min() >= 0 and key.max() < 4 * len(key) + 1_000_000:
        present = np.bincount(key) > 0
        uniq = np.flatnonzero(present)
        rank = np.cumsum(present) - 1
        return uniq.astype(np.int64), rank[key].astype(np.int64)
    uniq, inv = np.unique(key, return_inverse=True)
    return uniq, inv.reshape(-1)


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


def text_codes(values) -> tuple[np.ndarray, np.ndarray]:
    """Sorted factorisation of a text column ('' for missing) → (codes, categories).

    Categoricals reuse their codes; runs of equal values (tables sorted by key) are factorised
    run by run (:func:`_codes`).
    """
    s = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object), dtype=object)
    return _codes({"x": s}, "x", len(s))


def mixed_key(parts: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """One int64 key per row from non-negative integer codes, each given with its size (codes < size):
    equal keys ⇔ equal codes in every part, and keys sort like the parts in order.  Before the key
    could overflow it is re-factorised with its order kept."""
    n = len(parts[0][0]) if parts else 0
    key = np.zeros(n, dtype=np.int64)
    for codes, size in parts:
        size = max(int(size), 1)
        if n and (int(key.max()) + 1) * size >= 2**62:
            key = pd.factorize(key, sort=True)[0].astype(np.int64)
        key = key * size + np.asarray(codes, dtype=np.int64)
    return key


def group_rows(parts: list[tuple[np.ndarray, int]]) -> tuple[np.ndarray, np.ndarray]:
    """(group id per row, first row of each group) for rows keyed by several ``(codes, size)`` parts
    (as :func:`mixed_key`); groups are numbered in the sorted order of their keys, as
    ``groupby(sort=True)``."""
    _, first, gid = np.unique(mixed_key(parts), return_index=True, return_inverse=True)
    return gid.reshape(-1), first


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
