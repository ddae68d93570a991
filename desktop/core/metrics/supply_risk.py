"""Production shares, HHI and governance-weighted supply risk R (METHODS §2.3).

Groups are (mineral, year, stage).  A group's denominator is the sum of the listed producers'
quantities plus the ``OTHERS`` aggregate when present; ``OTHERS`` has a share but is not a country, so
it adds no square term.  ``WORLD`` rows are never producers (a group with only WORLD rows is ignored).
Withheld or missing quantities are left out and the whole group is flagged ``withheld_producers``;
negative quantities are left out with ``negative_quantity``.

    S_i      = q_i / Σ_j q_j                (the group's usable quantities, OTHERS included)
    HHI      = Σ_i S_i²                     (listed producers)
    R_raw    = Σ_i S_i² · Γ_i               (producers with a Γ; Γ carried forward from the
                                             nearest earlier year when missing)
    coverage = Σ_{i with Γ} S_i / Σ_i S_i   (listed producers)
    R        = min-max of R_raw over every mineral, year and stage of the analysis

Each sum is one :meth:`Groups.sum <desktop.core.metrics.groups.Groups.sum>` over the groups of
:func:`producer_rows`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from desktop.core.metrics.flags import flag_codes, join_flags
from desktop.core.metrics.governance import gamma_for
from desktop.core.metrics.groups import Groups, Key, key_of, year_key
from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.periods import in_years
from desktop.core.metrics.scaling import minmax
from desktop.core.metrics.states import BOUND_STATES, numbers_of, split_states, states_and_plain
from desktop.core.registry import OTHERS, WORLD

SHARE_COLUMNS = ["mineral", "year", "stage", "country", "quantity", "share", "flag"]
RISK_COLUMNS = ["mineral", "year", "stage", "HHI", "R_raw", "R", "coverage", "flag"]


@dataclass
class ProductionRows:
    """The production rows that take part (WORLD rows and years outside the period left out), as codes.

    The keys keep the labels of the whole input table, so that the shares table's categories are the
    same whatever the period.
    """
    mineral: Key
    country: Key
    stage: Key
    year: np.ndarray              # int64 per row
    raw_quantity: np.ndarray      # the number as stored
    quantity: np.ndarray          # the usable quantity, NaN where left out
    valid: np.ndarray             # counted: finite, state '' or a printed bound, not negative, its group's unit
    withheld: np.ndarray          # state 'W'
    bound: np.ndarray             # a printed bound used
    others: np.ndarray            # the OTHERS aggregate (in the denominator, not a producer)
    groups: Groups                # (mineral, year, stage)
    other_unit: np.ndarray | None = None   # left out: not the unit of its mixed-unit group
    unit_flag: np.ndarray | None = None    # per group: 'mixed_units:<used>|<other>…' or ''

    @cached_property
    def total(self) -> np.ndarray:
        """Σ q per group: the denominator of every share."""
        return self.groups.sum(self.quantity, where=self.valid)

    @cached_property
    def share(self) -> np.ndarray:
        """S_i = q_i / Σ q per row (NaN where left out or the group's total is 0)."""
        total = self.total[self.groups.ids]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.valid & (total > 0), self.quantity / np.where(total > 0, total, 1.0), np.nan)

    @cached_property
    def n_left_out(self) -> np.ndarray:
        """Rows per group left out as withheld, missing or negative (a minority unit is flagged apart)."""
        left_out = ~self.valid if self.other_unit is None else ~self.valid & ~self.other_unit
        return self.groups.count(left_out)


def producer_rows(production: pd.DataFrame | None, params: EngineParams | None = None) -> ProductionRows | None:
    """The coded production rows of the analysis (``params=None``: every year), or None when none."""
    if production is None or len(production) == 0:
        return None
    n = len(production)
    year = pd.to_numeric(production["year"], errors="coerce").to_numpy(dtype=float)
    country = key_of(production["country"]) if "country" in production else key_of(None, n)
    keep = np.isfinite(year) & ~country.is_(WORLD)
    if params is not None and params.year_range() is not None:
        keep &= in_years(np.nan_to_num(year, nan=-1).astype(np.int64), params)
    if not keep.any():
        return None
    rows = None if keep.all() else np.flatnonzero(keep)

    def kept(values: np.ndarray) -> np.ndarray:
        return values if rows is None else values[rows]

    mineral = key_of(production["mineral"])
    stage = key_of(production["stage"]) if "stage" in production else key_of(None, n)
    states, plain = states_and_plain(production, "quantity")
    plain, masks = split_states(states, plain)
    bound = np.zeros(n, dtype=bool)
    for state in BOUND_STATES:
        if state in masks:
            bound |= masks[state]
    raw = kept(numbers_of(production, "quantity"))
    valid = np.isfinite(raw) & kept(plain | bound) & (raw >= 0)
    year_codes = kept(year).astype(np.int64)
    if rows is not None:
        mineral, country, stage = mineral.take(rows), country.take(rows), stage.take(rows)
    groups = Groups.of(mineral=mineral, year=year_key(year_codes), stage=stage)
    others = country.is_(OTHERS)
    unit = kept(production["unit"].to_numpy(dtype=object)) if "unit" in production else None
    other_unit, unit_flag = _mixed_units(unit, groups, valid & ~others, valid)
    if other_unit is not None:
        valid &= ~other_unit
    withheld = kept(masks["W"]) if "W" in masks else np.zeros(len(raw), dtype=bool)
    return ProductionRows(mineral=mineral, country=country, stage=stage, year=year_codes, raw_quantity=raw,
                          quantity=raw if valid.all() else np.where(valid, raw, np.nan), valid=valid,
                          withheld=withheld, bound=kept(bound) & valid, others=others, groups=groups,
                          other_unit=other_unit, unit_flag=unit_flag)


def _mixed_units(unit: np.ndarray | None, groups: Groups, listed: np.ndarray, valid: np.ndarray
                 ) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Mixed units in one (mineral, year, stage) group (docs/metrics.md §2.3).

    A group whose listed producers with a usable quantity carry more than one distinct non-empty
    ``unit`` is computed over the unit of the most such rows (a tie: the first unit in sorted order);
    rows (producers and OTHERS) with another non-empty unit are left out.  Returns (row mask left out,
    per-group flag text) or (None, None) when no group mixes units.
    """
    if unit is None:
        return None, None
    unit_key = key_of(unit)
    named = np.array([str(u).strip() != "" for u in unit_key.labels], dtype=bool)
    if named.sum() < 2:
        return None, None
    per_unit = Groups.grid(group=Key(codes=groups.ids, labels=np.arange(groups.n)), unit=unit_key)
    counts = per_unit.count(listed & named[unit_key.codes]).reshape(groups.n, unit_key.size)
    mixed = (counts > 0).sum(axis=1) > 1
    if not mixed.any():
        return None, None
    chosen = counts.argmax(axis=1)                    # the first of the most frequent (labels are sorted)
    other = valid & named[unit_key.codes] & mixed[groups.ids] & (unit_key.codes != chosen[groups.ids])
    flag = np.full(groups.n, "", dtype=object)
    for g in np.flatnonzero(mixed):
        rest = [str(unit_key.labels[k]) for k in np.flatnonzero(counts[g] > 0) if k != chosen[g]]
        flag[g] = "mixed_units:" + "|".join([str(unit_key.labels[chosen[g]])] + rest)
    return other, flag


def production_shares(production: pd.DataFrame, params: EngineParams | None = None) -> pd.DataFrame:
    """Each producer's share of its (mineral, year, stage) group; rows in input order (WORLD left out).

    Parameters
    ----------
    production : DataFrame
        The canonical production table (mineral, country, year, stage, quantity, quantity_state, unit).
    params : EngineParams, optional
        Its analysis period narrows the rows; None = every year.

    Returns
    -------
    DataFrame
        mineral, year, stage, country, quantity (usable, else NaN), share and flag.  The text columns
        are ``category`` dtype (a world dataset has millions of producer rows): compare them like text,
        group with ``observed=True``.  Row flags: ``withheld`` / ``missing`` / ``negative_quantity`` for
        a row left out, ``bound`` for a printed bound used, ``withheld_producers`` on every row of a
        group with a left-out row, ``no_production`` when the group's total is 0.
    """
    return shares_table(producer_rows(production, params))


def shares_table(rows: ProductionRows | None) -> pd.DataFrame:
    """The table of :func:`production_shares` from coded rows (None: no rows, the empty table)."""
    if rows is None:
        return _empty(SHARE_COLUMNS, {"year": "int64", "quantity": float, "share": float})
    g = rows.groups
    left_out = ~rows.valid
    negative = left_out & np.isfinite(rows.raw_quantity) & (rows.raw_quantity < 0)
    other_unit = rows.other_unit if rows.other_unit is not None else np.zeros(len(g.ids), dtype=bool)
    parts: list = [("withheld", rows.withheld), ("missing", left_out & ~rows.withheld & ~negative & ~other_unit),
                   ("negative_quantity", negative), ("bound", rows.bound),
                   ("withheld_producers", (rows.n_left_out > 0)[g.ids]),
                   ("no_production", ~(rows.total > 0)[g.ids]), ("other_unit", other_unit)]
    if rows.unit_flag is not None:
        # the group's mixed_units text joins the row flags (codes per group, gathered per row)
        unit_codes, unit_texts = pd.factorize(rows.unit_flag)
        parts.append(pd.Categorical.from_codes(unit_codes[g.ids], categories=pd.Index(unit_texts, dtype=object)))
    codes, labels = flag_codes(len(g.ids), parts)
    return pd.DataFrame({
        "mineral": _categorical(rows.mineral),
        "year": rows.year,
        "stage": _categorical(rows.stage),
        "country": _categorical(rows.country),
        "quantity": rows.quantity.copy(),             # never a view of the input
        "share": rows.share,
        "flag": pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype=object)),
    }, copy=False)


def _categorical(key: Key) -> pd.Categorical:
    small = key.codes.astype(np.int32 if key.size > 32000 else np.int16)
    return pd.Categorical.from_codes(small, categories=pd.Index(key.labels, dtype=object))


def compute_supply_risk(production: pd.DataFrame, gamma: pd.DataFrame | None, params: EngineParams
                        ) -> pd.DataFrame:
    """HHI, R_raw, R and coverage per (mineral, year, stage).

    Parameters
    ----------
    production : DataFrame
        The canonical production table.
    gamma : DataFrame or None
        Γ per (country, year) (:func:`desktop.core.metrics.governance.compute_gamma`); None = HHI only.
    params : EngineParams
        The analysis period narrows the groups (and the min-max range of R).

    Returns
    -------
    DataFrame
        mineral, year, stage, HHI, R_raw, R, coverage, flag (see the module docstring).
    """
    return risk_table(producer_rows(production, params), gamma)


def risk_table(rows: ProductionRows | None, gamma: pd.DataFrame | None) -> pd.DataFrame:
    """The supply-risk table of coded production rows, Γ from ``gamma`` (None: no rows, the empty table)."""
    if rows is None:
        return _empty(RISK_COLUMNS, {"year": "int64", "HHI": float, "R_raw": float, "R": float, "coverage": float})
    g = rows.groups
    producer = rows.valid & ~rows.others
    gamma_row, carried = _gamma_of_producers(rows, producer, gamma)
    has_gamma = producer & np.isfinite(gamma_row)
    S = np.where(producer & ~np.isnan(rows.share), rows.share, 0.0)       # shares are ≤ 1: only NaN to clear
    hhi = g.sum(S**2)
    r_raw = g.sum(S**2 * gamma_row, where=has_gamma)
    listed = g.sum(S)
    covered = g.sum(S, where=has_gamma)

    no_production = ~(rows.total > 0)
    no_listed = ~no_production & (g.count(producer) == 0)
    empty = no_production | no_listed
    with np.errstate(invalid="ignore", divide="ignore"):
        coverage = np.where(empty, np.nan, covered / np.where(listed > 0, listed, 1.0))
    HHI = np.where(empty, np.nan, hhi)
    no_gamma = ~empty & (covered <= 0)
    R_raw = np.where(empty | no_gamma, np.nan, r_raw)
    R, constant = minmax(R_raw)
    flag = join_flags(g.n, [
        rows.unit_flag if rows.unit_flag is not None else np.full(g.n, "", dtype=object),
        ("no_production", no_production),
        ("no_listed_producers", no_listed),
        ("withheld_producers", rows.n_left_out > 0),
        ("missing_governance", ~empty & g.any(producer & ~has_gamma & (S > 0))),
        ("governance_carried_forward", ~empty & g.any(has_gamma & carried)),
        ("bound", g.any(rows.bound)),
        ("constant", np.isfinite(R_raw) & constant),
    ])
    out = g.labels()
    out.update({"HHI": HHI, "R_raw": R_raw, "R": R, "coverage": coverage, "flag": flag})
    return pd.DataFrame(out, columns=RISK_COLUMNS)


def _gamma_of_producers(rows: ProductionRows, producer: np.ndarray, gamma: pd.DataFrame | None
                        ) -> tuple[np.ndarray, np.ndarray]:
    """(Γ per row, Γ carried forward from an earlier year per row), asked once per producing
    (country, year) pair; NaN / False for the other rows."""
    pairs = Groups.of(country=rows.country, year=year_key(rows.year))
    asked = pairs.any(producer)
    gamma_of_pair = np.full(pairs.n, np.nan)
    carried_of_pair = np.zeros(pairs.n, dtype=bool)
    if asked.any() and gamma is not None and len(gamma):
        want = np.flatnonzero(asked)
        labels = pairs.labels(want)
        got = gamma_for(gamma, pd.DataFrame({"country": labels["country"], "year": labels["year"]}))
        gamma_of_pair[want] = got["gamma"].to_numpy(dtype=float)
        source_year = got["gamma_year"].to_numpy(dtype=float)
        carried_of_pair[want] = np.isfinite(source_year) & (source_year < labels["year"])
    return gamma_of_pair[pairs.ids], carried_of_pair[pairs.ids]


def _empty(cols: list[str], dtypes: dict) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in cols})
