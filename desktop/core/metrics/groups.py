"""Rows grouped by key columns: the one grouping abstraction of the indicators.

Every indicator of METHODS §2–3 is a sum, a count or a test over groups of rows — producers of one
(mineral, year, stage), the years of one series, the partners of one importer.  The key columns are
factorised once into integer codes (:func:`key_of`: sorted labels, a categorical column's own codes),
then :class:`Groups` numbers the groups and every aggregate is one ``numpy.bincount``::

    g = Groups.of(mineral=key_of(frame["mineral"]), year=year_key(frame["year"]))
    total = g.sum(q)                      # Σ q per group
    share = q / total[g.ids]              # S_i = q_i / Σ q, broadcast back to the rows
    hhi = g.sum(share ** 2)               # HHI = Σ S²

Groups are numbered in the sorted order of their keys (as ``groupby(sort=True)``), so a results
table built from ``g.labels()`` is sorted by its keys.  ``Groups.grid`` numbers every combination of
the keys' labels instead (a dense mineral × year × stage grid), for tables that look groups up by key.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Key:
    """One key column as integer codes per row and the label of each code (codes index ``labels``)."""
    codes: np.ndarray     # int64 per row, 0 <= code < len(labels)
    labels: np.ndarray    # the distinct values, sorted

    @property
    def size(self) -> int:
        return len(self.labels)

    def __iter__(self):
        """``codes, labels = key``."""
        return iter((self.codes, self.labels))

    def take(self, rows: np.ndarray) -> Key:
        """The key of a subset of the rows (the labels, and so the codes' meaning, unchanged)."""
        return Key(codes=self.codes[rows], labels=self.labels)

    def code_of(self, label) -> int | None:
        """The code of one label, or None when no row has it."""
        at = np.flatnonzero(self.labels == label)
        return int(at[0]) if len(at) else None

    def is_(self, label) -> np.ndarray:
        """Row mask: the row's key is ``label``."""
        code = self.code_of(label)
        return self.codes == code if code is not None else np.zeros(len(self.codes), dtype=bool)


def key_of(values, n: int | None = None) -> Key:
    """The sorted factorisation of a text key column; a missing value is the label ''.

    ``values``: a Series (a categorical one reuses its codes), an array, or None for a column that is
    absent (then every one of the ``n`` rows has the label '').
    """
    if values is None:
        return Key(codes=np.zeros(n or 0, dtype=np.int64), labels=np.array([""], dtype=object))
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
        labels = np.asarray(values.cat.categories, dtype=object)
        codes = values.cat.codes.to_numpy().astype(np.int64)
    else:
        codes, labels = _factorize_runs(np.asarray(values, dtype=object))
    if (codes < 0).any():
        empty = np.flatnonzero(labels == "")
        if len(empty):
            codes = np.where(codes < 0, int(empty[0]), codes)
        else:
            labels = np.append(labels, "")
            codes = np.where(codes < 0, len(labels) - 1, codes)
    labels = np.array([str(label) for label in labels], dtype=object)
    order = np.argsort(labels.astype(str), kind="stable")
    if (order != np.arange(len(order))).any():
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        codes, labels = rank[codes], labels[order]
    return Key(codes=codes.astype(np.int64, copy=False), labels=labels)


def column_key(frame: pd.DataFrame, column: str) -> Key:
    """:func:`key_of` a column of ``frame`` (every row '' when the column is absent)."""
    return key_of(frame[column]) if column in frame else key_of(None, len(frame))


def year_key(years: np.ndarray) -> Key:
    """Integer years as a key over the whole range first..last (codes = year − first year)."""
    years = np.asarray(years, dtype=np.int64)
    if len(years) == 0:
        return Key(codes=years, labels=np.zeros(0, dtype=np.int64))
    first = int(years.min())
    return Key(codes=years - first, labels=np.arange(first, int(years.max()) + 1, dtype=np.int64))


class Groups:
    """The groups of rows sharing the same value of every key.

    ``ids``: the group of each row (``0 <= id < n``); aggregates are dense arrays of length ``n``,
    indexed by group id, and ``x[g.ids]`` broadcasts a per-group value back to the rows.
    """

    def __init__(self, keys: Mapping[str, Key], ids: np.ndarray, n: int, group_codes: dict[str, np.ndarray]):
        self.keys = dict(keys)
        self.ids = ids
        self.n = n
        self._group_codes = group_codes

    @classmethod
    def of(cls, **keys: Key) -> Groups:
        """The groups the rows form (only combinations that occur), numbered in sorted key order."""
        if _fits([k.size for k in keys.values()]):
            combined, ids = dense_codes(_radix([k.codes for k in keys.values()], keys))
            return cls(keys, ids, len(combined), _split_codes(combined, keys))
        key = mixed_key([(k.codes, k.size) for k in keys.values()])
        # too many combinations for one integer: numbered by np.unique, labelled from a first row
        _, first, ids = np.unique(key, return_index=True, return_inverse=True)
        return cls(keys, ids.reshape(-1), len(first), {name: k.codes[first] for name, k in keys.items()})

    @classmethod
    def grid(cls, **keys: Key) -> Groups:
        """Every combination of the keys' labels is a group (ids in mixed radix, the last key fastest):
        for per-group tables that other rows look up by key (:meth:`id_of`)."""
        n = math.prod(max(k.size, 1) for k in keys.values())
        return cls(keys, _radix([k.codes for k in keys.values()], keys), n, {})

    # ---- aggregates ----------------------------------------------------------------------------
    def sum(self, x, where: np.ndarray | None = None) -> np.ndarray:
        """Σ x per group (float; rows outside ``where`` add nothing)."""
        x = np.asarray(x, dtype=float)
        if where is not None:
            x = np.where(where, x, 0.0)
        return np.bincount(self.ids, weights=x, minlength=self.n)

    def count(self, where: np.ndarray | None = None) -> np.ndarray:
        """The number of rows per group (of the ``where`` rows)."""
        ids = self.ids if where is None else self.ids[where]
        return np.bincount(ids, minlength=self.n)

    def any(self, where: np.ndarray) -> np.ndarray:
        """Per group: does any row satisfy ``where``?"""
        return self.count(where) > 0

    def first_rows(self) -> np.ndarray:
        """The first row of each group (for values every row of a group shares)."""
        return np.unique(self.ids, return_index=True)[1]

    # ---- labels --------------------------------------------------------------------------------
    def codes(self, name: str, gids: np.ndarray | None = None) -> np.ndarray:
        """The code of key ``name`` of each group (of ``gids``)."""
        if self._group_codes:
            codes = self._group_codes[name]
            return codes if gids is None else codes[gids]
        gids = np.arange(self.n) if gids is None else np.asarray(gids, dtype=np.int64)
        return _split_codes(gids, self.keys)[name]

    def labels(self, gids: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """{key name: the label of each group (of ``gids``)}: the key columns of a per-group table."""
        return {name: k.labels[self.codes(name, gids)] for name, k in self.keys.items()}

    def id_of(self, **codes: np.ndarray) -> np.ndarray:
        """The group ids of given key codes (a grid's mixed radix)."""
        return _radix([np.asarray(codes[name], dtype=np.int64) for name in self.keys], self.keys)


def _fits(sizes: list[int]) -> bool:
    return math.prod(max(s, 1) for s in sizes) < 2**62


def _radix(codes: list[np.ndarray], keys: Mapping[str, Key]) -> np.ndarray:
    """Mixed-radix group ids of per-row key codes (the last key fastest); the inverse of :func:`_split_codes`."""
    ids = np.zeros(len(codes[0]) if codes else 0, dtype=np.int64)
    for part, k in zip(codes, keys.values()):
        ids *= max(k.size, 1)          # in place: no temporaries of millions of rows
        ids += part
    return ids


def _split_codes(combined: np.ndarray, keys: Mapping[str, Key]) -> dict[str, np.ndarray]:
    """The key codes of mixed-radix group keys (the last key fastest)."""
    out: dict[str, np.ndarray] = {}
    rest = combined
    for name, k in reversed(list(keys.items())):
        size = max(k.size, 1)
        out[name] = rest % size
        rest = rest // size
    return {name: out[name] for name in keys}


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


def _factorize_runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(values, sort=True)``, factorising one value per run of equal values.

    Tables come from the store sorted by key, so a key column is a few long runs: factorising only
    the first value of each run and repeating its code is several times faster than hashing every
    cell.  Short runs (a shuffled column) fall back to the plain factorisation.
    """
    n = len(values)
    if n >= 100_000:
        change = np.empty(n, dtype=bool)
        change[0] = True
        np.not_equal(values[1:], values[:-1], out=change[1:])
        heads = np.flatnonzero(change)
        if len(heads) <= n // 8:
            head_codes, labels = pd.factorize(values[heads], sort=True)
            codes = np.repeat(head_codes.astype(np.int64), np.diff(np.append(heads, n)))
            return codes, np.asarray(labels, dtype=object)
    codes, labels = pd.factorize(values, sort=True)
    return codes.astype(np.int64, copy=False), np.asarray(labels, dtype=object)
