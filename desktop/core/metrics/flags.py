"""Row flags: the ';'-joined notes of a results row (``withheld;bound``, ``carried_forward:2019``)."""
from __future__ import annotations

import numpy as np
import pandas as pd


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
            detail_texts = ["" if pd.isna(u) else str(u) for u in uniq]
            if any(detail_texts):
                comps.append(("text", detail_texts + [""], np.where(codes < 0, len(detail_texts), codes)))
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
