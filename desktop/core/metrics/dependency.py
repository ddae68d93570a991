"""Import dependency D = I / (I + P) (METHODS §2.1).

I = imports − exports; a supplied ``net_imports`` number overrides it row by
row.  Rules, in this order (the spec's order is applied literally):

1. an input that is needed is missing (no number, state NA) → D empty, flag ``missing_input``
   (P is always needed; I needs either net_imports or both imports and exports);
2. I < 0, or net_imports has state E → net exporter: D = 0, flag ``net_exporter``;
3. I + P <= 0 → D empty, flag ``no_supply``;
4. otherwise D = I / (I + P).

Withheld inputs (state W) follow ``params.withheld_policy``:

* ``exclude``   → D empty, flag ``withheld``;
* ``last_known`` → the latest earlier year's usable value of the same
  mineral/country/stage/column, flag ``withheld_last_known:<year>``
  (no earlier value → as ``exclude``);
* ``bound``     → D = the printed net import reliance bound of the row (optional
  balance column ``reliance`` with ``reliance_state``, e.g. USGS ``>50`` → 0.5),
  flag ``bound``; without one → as ``exclude``.

Cells with a printed bound state (``>``, ``<``, ``range``) carry their printed
number under every policy and the row is flagged ``bound``.
Aggregate rows (WORLD, OTHERS) are not countries and get no D.

An empty production cell (no number and no state) takes the production table's usable quantity of the
same mineral, country, year and stage (an empty balance stage also matches 'mine') when it is in the
same unit: flag ``production_from_production_table``.  When the production table has the cell only in
another unit (e.g. trade in ``t (gross weight)``, production in ``t`` of content) it is not used: D
stays empty with ``missing_input`` and ``production_unit_differs``, and a note says which units differ.

Balance rows derived from trade by HS code (:mod:`.trade_content`: imports and exports converted to the
production's basis) carry a ``flag`` column — ``trade_in_content``, the codes left out
(``trade_codes_left_out:<codes>``), the mixed headings (``trade_mixed_heading:<codes>``),
``production_not_listed`` — which is added to the row's flags after the rules' own.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.distinct import map_unique
from desktop.core.units import convert_unit
from desktop.core.messages import Joined, msg
from desktop.core.metrics.flags import join_flags
from desktop.core.metrics.groups import column_key, mixed_key
from desktop.core.metrics.periods import in_years
from desktop.core.metrics.states import stated_values, stated_values_and_masks, text_column
from desktop.core.registry import AGGREGATES
from desktop.core.metrics.params import EngineParams

COLUMNS = ["mineral", "country", "year", "stage", "production", "net_imports", "D", "flag"]
_INPUTS = ("production", "imports", "exports", "net_imports")


def compute_dependency(balance: pd.DataFrame, params: EngineParams,
                       production: pd.DataFrame | None = None) -> pd.DataFrame:
    """The import-dependency table: D = I / (I + P) per (mineral, country, year, stage).

    I = imports − exports, or the row's ``net_imports`` number when supplied; the rules (missing input,
    net exporter, no supply), the withheld policies and the printed bounds are those of the module
    docstring.  Aggregate rows (WORLD, OTHERS) get no D.

    Parameters
    ----------
    balance : DataFrame or None
        The canonical balance table (mineral, country, year, stage, production, imports, exports,
        net_imports with their ``*_state`` columns, unit; optional reliance / reliance_state and flag).
        None or empty gives the empty table.
    params : EngineParams
        ``country`` narrows the rows to one country (None = every country), ``withheld_policy`` says what
        a withheld input means, the analysis period (``years``) narrows the output rows (earlier years
        still feed ``last_known``).
    production : DataFrame, optional
        The production table, for balance rows whose production cell is empty (see the module
        docstring).

    Returns
    -------
    DataFrame
        mineral, country, year, stage, production (P), net_imports (I), D and flag, ordered by mineral,
        country, stage and year.  Flags: ``missing_input``, ``production_unit_differs``,
        ``production_from_production_table``, ``withheld``, ``withheld_last_known:<year>``,
        ``net_exporter``, ``no_supply``, ``bound``, then the balance row's own ``flag`` (the trade
        conversion's).  Notes for the problem list are in ``frame.attrs["problems"]``.
    """
    if balance is None or len(balance) == 0:
        return _empty()
    n_all = len(balance)
    year_all = pd.to_numeric(balance["year"], errors="coerce").to_numpy(dtype=float)
    c_codes, countries = column_key(balance, "country")
    keep = np.isfinite(year_all) & ~np.isin(countries, AGGREGATES)[c_codes]
    if params.country:
        want = str(params.country).strip().upper()
        keep &= np.array([str(c).upper() == want for c in countries], dtype=bool)[c_codes]
    if not keep.any():
        return _empty()
    m_codes, minerals = column_key(balance, "mineral")
    s_codes, stages = column_key(balance, "stage")
    # Deterministic order (and the order last_known needs): mineral, country, stage, year — one
    # int64 key (codes are dense), sorted only when the rows are not in that order already.
    rows = np.flatnonzero(keep)
    yk = year_all[rows].astype(np.int64)
    yk -= yk.min()
    key = mixed_key([(m_codes[rows], len(minerals)), (c_codes[rows], len(countries)), (s_codes[rows], len(stages)),
                     (yk, int(yk.max()) + 1)])
    order = rows if (key[1:] >= key[:-1]).all() else rows[np.argsort(key, kind="stable")]
    identity = len(order) == n_all and bool((order == np.arange(n_all)).all())

    def in_order(a: np.ndarray) -> np.ndarray:
        return a if identity else a[order]

    n = len(order)
    years = year_all[order].astype(np.int64)
    m_o, c_o, s_o = m_codes[order], c_codes[order], s_codes[order]

    group = None
    if params.withheld_policy == "last_known":
        new_group = np.ones(n, dtype=bool)
        new_group[1:] = (m_o[1:] != m_o[:-1]) | (c_o[1:] != c_o[:-1]) | (s_o[1:] != s_o[:-1])
        group = np.cumsum(new_group)

    val: dict[str, np.ndarray] = {}
    withheld: dict[str, np.ndarray] = {}
    lk_year: dict[str, np.ndarray] = {}
    stated: dict[str, np.ndarray] = {}           # the cell has a state (W, NA, E, a bound …)
    bounds: dict[str, np.ndarray] = {}
    usable_of: dict[str, np.ndarray] = {}
    e_state = np.zeros(n, dtype=bool)
    for col in _INPUTS:
        v, usable, bound, _, masks = stated_values_and_masks(balance, col)
        v, usable, bound = in_order(v), in_order(usable), in_order(bound)
        w = in_order(masks["W"]) if "W" in masks else np.zeros(n, dtype=bool)
        if col == "net_imports":
            e_state = in_order(masks["E"]) if "E" in masks else e_state
            # a withheld net_imports with both imports and exports known is not needed
            w &= ~(usable_of["imports"] & usable_of["exports"])
        usable_of[col] = usable
        lk = np.full(n, np.nan)
        if group is not None and w.any():
            v, w, lk = _last_known(v, w, usable, group, years)
        has_state = np.zeros(n, dtype=bool)
        for mask in masks.values():
            has_state |= in_order(mask)
        val[col], withheld[col], lk_year[col], stated[col], bounds[col] = v, w, lk, has_state, bound

    # an empty production cell (no number, no state) takes the production table's quantity of the same
    # mineral, country, year and stage when it is in the same unit
    absent = ~np.isfinite(val["production"]) & ~stated["production"]
    from_table, unit_differs, notes = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), []
    if production is not None and len(production) and absent.any():
        idx = np.flatnonzero(absent)
        unit = in_order(text_column(balance, "unit").to_numpy(dtype=object))[idx]
        val["production"], from_table, unit_differs, notes = _production_from_table(
            production, val["production"], idx, minerals[m_o[idx]], countries[c_o[idx]], years[idx],
            stages[s_o[idx]], unit)

    P = val["production"]
    ni_number = np.isfinite(val["net_imports"])
    ni_exporter = e_state & ~ni_number
    ni_supplied = ni_number | ni_exporter
    diff = val["imports"] - val["exports"]
    I = np.where(ni_number, val["net_imports"], diff)      # noqa: E741 — METHODS §2.1's I (net imports)

    # which inputs are in play for each row
    use_ni = ni_supplied | (withheld["net_imports"] & ~(np.isfinite(val["imports"]) & np.isfinite(val["exports"])))
    use_ie = ~use_ni
    w_I = np.where(use_ni, withheld["net_imports"], withheld["imports"] | withheld["exports"])
    w_P = withheld["production"]
    any_w = w_I | w_P
    miss_P = ~np.isfinite(P) & ~w_P
    miss_I = np.where(use_ni, ~ni_supplied & ~withheld["net_imports"],
                      (~np.isfinite(val["imports"]) & ~withheld["imports"])
                      | (~np.isfinite(val["exports"]) & ~withheld["exports"]))
    missing = miss_P | miss_I

    D = np.full(n, np.nan)
    blocked = missing | any_w
    exporter = ~blocked & (ni_exporter | (np.isfinite(I) & (I < 0)))
    with np.errstate(invalid="ignore", divide="ignore"):
        total = I + P
        no_supply = ~blocked & ~exporter & (total <= 0)
        ok = ~blocked & ~exporter & ~no_supply
        D = np.where(ok, I / np.where(ok, total, 1.0), D)
    D = np.where(exporter, 0.0, D)

    # bound policy: a printed reliance bound replaces a D that only withheld inputs blocked
    reliance_used = np.zeros(n, dtype=bool)
    if params.withheld_policy == "bound" and "reliance" in balance:
        rel, rel_ok = (in_order(a) for a in stated_values(balance, "reliance")[:2])
        reliance_used = any_w & ~missing & rel_ok
        D = np.where(reliance_used, rel, D)

    # printed bounds that fed the result
    b_P, b_ni, b_im, b_ex = bounds["production"], bounds["net_imports"], bounds["imports"], bounds["exports"]
    bound_used = (b_P | np.where(use_ni, b_ni, b_im | b_ex)) & np.isfinite(D) | reliance_used

    lk_parts = _last_known_flags(lk_year, use_ni, use_ie)

    flag = join_flags(n, [
        ("missing_input", missing),
        ("production_unit_differs", unit_differs & missing),
        ("production_from_production_table", from_table),
        ("withheld", any_w & ~reliance_used),
        *lk_parts,
        ("net_exporter", exporter),
        ("no_supply", no_supply),
        ("bound", bound_used),
        # the trade conversion's own flags (rows derived from trade by HS code)
        *([in_order(text_column(balance, "flag").to_numpy(dtype=object))] if "flag" in balance else []),
    ])
    out = pd.DataFrame({
        "mineral": minerals[m_o],
        "country": countries[c_o],
        "year": years,
        "stage": stages[s_o],
        "production": np.where(np.isfinite(P), P, np.nan),
        "net_imports": np.where(np.isfinite(I), I, np.nan),
        "D": D,
        "flag": flag,
    }, copy=False)
    sel = in_years(years, params)
    out = out if sel.all() else out[sel].reset_index(drop=True)
    out.attrs["problems"] = notes
    return out



def _last_known_flags(lk_year: dict[str, np.ndarray], use_ni: np.ndarray, use_ie: np.ndarray) -> list:
    """The ``withheld_last_known:<year>`` texts of the inputs that took an earlier year and fed D,
    one mention per distinct year (a part for :func:`join_flags`, or none)."""
    n = len(use_ni)
    parts = []
    for col in _INPUTS:
        y = lk_year[col]
        used = np.isfinite(y)
        if col == "net_imports":
            used &= use_ni
        elif col in ("imports", "exports"):
            used &= use_ie
        if used.any():
            txt = np.full(n, "", dtype=object)
            txt[used] = "withheld_last_known:" + pd.Series(y[used].astype(np.int64)).astype(str).to_numpy(dtype=object)
            parts.append(txt)
    if not parts:
        return []
    merged = parts[0]
    for extra in parts[1:]:
        merged = join_flags(n, [merged, np.where(extra == merged, "", extra)])
    return [merged]


def _last_known(v: np.ndarray, w: np.ndarray, usable: np.ndarray, group: np.ndarray, years: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """withheld_policy last_known: a withheld cell takes the latest earlier usable row of its group
    (a running max of the usable rows' positions).  Returns (values, still withheld, year taken from)."""
    n = len(v)
    pos = np.where(usable, np.arange(n), -1)
    prev = np.maximum.accumulate(pos)
    prev_ok = (prev >= 0) & (group[np.maximum(prev, 0)] == group)
    take = w & prev_ok
    src_row = np.maximum(prev, 0)
    return np.where(take, v[src_row], v), w & ~take, np.where(take, years[src_row].astype(float), np.nan)


def _production_from_table(production: pd.DataFrame, values: np.ndarray, idx: np.ndarray, minerals: np.ndarray,
                           countries: np.ndarray, years: np.ndarray, stages: np.ndarray, unit: np.ndarray):
    """The balance's production column with its empty cells ``idx`` taken from the production table
    where the unit agrees; (values, taken mask, unit-differs mask, notes for the problem list)."""
    n = len(values)
    from_table = np.zeros(n, dtype=bool)
    unit_differs = np.zeros(n, dtype=bool)
    notes: list[str] = []          # Messages (desktop.core.messages)
    got, differs, pairs = _production_of(production, minerals, countries, years, stages, unit)
    values = values.copy()          # may share memory with the input
    values[idx] = np.where(np.isfinite(got), got, values[idx])
    from_table[idx] = np.isfinite(got)
    unit_differs[idx] = differs
    if from_table.any():
        notes.append(msg("metrics.production_from_table", n=int(from_table.sum())))
    if unit_differs.any():
        shown = [msg("metrics.unit_pair", balance=b or msg("phrase.none"), production=q or msg("phrase.none"))
                 for b, q in pairs[:3]]
        notes.append(msg("metrics.production_unit_differs", n=int(unit_differs.sum()),
                         pairs=Joined(tuple(shown), "; ")))
    return values, from_table, unit_differs, notes

def _production_of(production: pd.DataFrame, mineral, country, year, stage, unit
                   ) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    """Per asked row: (P from the production table or NaN, the table has the cell only in another unit,
    distinct (balance unit, production unit) pairs of those).

    P = the sum of the usable quantities of the same mineral, country and year at the same stage (an
    empty balance stage also matches the table's 'mine' rows when it has no '' rows) whose unit equals
    the balance row's unit (:func:`_unit_keys`)."""
    n = len(mineral)
    got = np.full(n, np.nan)
    differs = np.zeros(n, dtype=bool)
    q, ok, _, _ = stated_values(production, "quantity")
    p = pd.DataFrame({"mineral": text_column(production, "mineral"), "country": text_column(production, "country"),
                      "year": pd.to_numeric(production["year"], errors="coerce"),
                      "stage": text_column(production, "stage"),
                      "unit_p": _unit_keys(text_column(production, "unit")), "label_p": text_column(production, "unit"),
                      "q": q})
    p = p[ok & p["year"].notna().to_numpy()]
    if len(p) == 0:
        return got, differs, []
    p["year"] = p["year"].astype(np.int64)
    sums = p.groupby(["mineral", "country", "year", "stage", "unit_p"], as_index=False, sort=False).agg(
        q=("q", "sum"), label_p=("label_p", "first"))
    ask = pd.DataFrame({"mineral": np.asarray(mineral, dtype=object), "country": np.asarray(country, dtype=object),
                        "year": np.asarray(year, dtype=np.int64), "stage": np.asarray(stage, dtype=object),
                        "unit": _unit_keys(pd.Series(np.asarray(unit, dtype=object))),
                        "label": pd.Series(np.asarray(unit, dtype=object)).fillna("").astype(str).to_numpy(),
                        "_row": np.arange(n)})
    keys = ["mineral", "country", "year", "stage"]
    found = np.zeros(n, dtype=bool)
    pairs: list[tuple[str, str]] = []
    for attempt in (ask, ask[ask["stage"] == ""].assign(stage="mine")):
        a = attempt[~found[attempt["_row"].to_numpy()]]
        m = a.merge(sums, on=keys, how="inner")
        if len(m) == 0:
            continue
        rows = m["_row"].to_numpy()
        same = (m["unit"] == m["unit_p"]).to_numpy()
        got[rows[same]] = m["q"].to_numpy(dtype=float)[same]
        found[rows] = True
        other = ~np.isin(rows, rows[same])
        differs[rows[other]] = True
        pairs += [pair for pair in dict.fromkeys(zip(m["label"][other], m["label_p"][other])) if pair not in pairs]
    return got, differs, pairs


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "year" else
                                      "float64" if c in ("production", "net_imports", "D") else "object")
                         for c in COLUMNS})


def _unit_keys(units: pd.Series) -> np.ndarray:
    """Unit labels for comparison (once per distinct label): the canonical unit and factor the
    import uses (:func:`desktop.core.units.convert_unit`), so 't (gross weight)' and
    'T gross weight' are one unit while 'kg' and 't' are not."""
    def key(unit) -> str:
        conv = convert_unit("" if unit is None else unit)
        return f"{conv.unit}|{conv.factor!r}"

    return map_unique(units, key).to_numpy(dtype=object)
