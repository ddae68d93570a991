"""Trade converted to the production's basis: the trade side of import dependency D (issue 9, item 5).

Trade statistics give the gross weight of each HS product; production is in element content or a stated basis
(``t`` of Co, ``t Li2O``, ``t REO``, ``kg`` of Ga).  The dataset's ``trade`` table (bilateral, by HS code: BACI,
Comtrade, customs tables) is converted here, when the engine runs, with the content factors of the registry
(``registry/data/content_factors.csv``) and of the project (its ``content_factors`` table, which adds factors
or overrides the registry's of the same HS code and mineral).  Converting at compute time, not at import, lets a
project's factor change every result without importing the trade file again (docs/decisions.md).

For mineral m, country c, year t and an HS code k that m's trade holds:

    f_k      = share_k · conv(basis_k → B) / u(B)       t of the production's basis per t of product k, in the
                                                         production's unit (u = t per unit: 0.001 for kg)
    imports  = Σ_k f_k · Σ_j q(j → c, k)                 over the codes k with a factor
    exports  = Σ_k f_k · Σ_j q(c → j, k)

* **B**, the basis of the production the trade is compared with, is what the production's unit states: plain
  ``t`` or ``kg`` → the content of the mineral's element (a factor whose basis is an element, ``Co``) or the
  product itself (``graphite``); ``t Li2O``, ``t REO``, ``t gross weight`` → that basis.  ``conv`` is 1 when the
  factor's basis is B, else a basis conversion of the registry (Li → Li2O, and its inverse); a factor whose basis
  does not convert to B (an element's content against REO) is left out like a code without a factor.
* **Production P** is the country's production of the mineral's *primary stage* — mine, else the stage the
  source left unnamed, else the first other stage (the extended indicators' rule) — in the same year, with its
  state (W stays W, so D's withheld rules apply).  A country the production table does not list while it lists
  the year's producers with a world or 'other countries' row has P = 0 (flag ``production_not_listed``): the
  publisher counts it, if at all, among 'other countries', so D is then an upper bound.
* **Every trade form counts**: ores, intermediates and refined products are all converted to the element, so D
  is the dependence on foreign supply of the mineral, compared with the country's primary production.
* **Left out, never guessed**: a code with no factor, or whose factor's basis does not convert to B, or a
  mineral whose production states no basis (status per code in the ``trade_content`` table, the codes named in
  D's flag ``trade_codes_left_out``).  A mineral none of whose codes converts has no imports and exports: D is
  empty (``missing_input``).
* **Mixed headings**: a factor that fits one product of a heading holding products of very different content
  (cobalt hydroxide in 282200, laterite ore in 260400 …) gives an estimate of that kind: D's flag
  ``trade_mixed_heading`` names the codes, the table's ``mixed`` column says what else the heading holds.
* **A balance given wins**: a country-year whose imports, exports or net imports the ``balance`` table already
  gives (a publisher's own balance, an analyst's sheet) keeps them (status ``balance_given``).  A balance row of
  trade in gross weight with no production — what BACI imports wrote before this conversion existed — cannot
  give D against production in content and is replaced.
* Quantities: a code's side with flows but no quantity is empty (NA); a side with no flow at all is 0.

:func:`convert` returns the derived balance rows (with a ``flag`` column compute_dependency adds to D's flags),
the ``trade_content`` results table (one row per mineral, country, year and HS code: gross tonnes, factor, its
source, content tonnes, status) and the assessed country's imports by partner in content (import sources).
:func:`with_trade_balance` gives the dataset whose balance holds the derived rows: the engine runs on it, and
explain() rebuilds D from it the same way.
"""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.core.dataset import Dataset
from desktop.core.distinct import map_unique
from desktop.core.units import convert_unit
from desktop.core.messages import Joined, msg
from desktop.core.metrics.flags import detail_flag, join_flags
from desktop.core.metrics.states import stated_values, text_column
from desktop.core.registry import AGGREGATES
from desktop.core.registry.content_factors import (
    PRODUCT_BASES,
    content_factors,
    conversion,
    element_of,
    is_element,
    normalise_basis,
    normalise_hs_code,
)

PRIMARY_STAGES = ("mine", "")
GROSS_WEIGHT = "t gross weight"             # convert_unit's label of a gross-weight unit ('t (gross weight)')
FACTOR_COLUMNS = ["hs_code", "mineral", "share", "basis", "kind", "product", "mixed", "source", "origin"]
TABLE_COLUMNS = ["mineral", "country", "year", "hs_code", "trade_stage", "gross_imports_t", "gross_exports_t",
                 "share", "factor_basis", "basis", "conversion", "factor", "imports", "exports", "unit", "kind",
                 "mixed", "source", "status"]
IMPORT_COLUMNS = ["mineral", "year", "partner", "hs_code", "gross_t", "content", "unit", "basis", "status", "mixed"]
# status of a code's trade: converted, or why not
USED, NO_FACTOR, NO_CONVERSION, NO_BASIS, GIVEN = ("used", "no_factor", "no_conversion", "no_production_basis",
                                                   "balance_given")
LEFT_OUT = (NO_FACTOR, NO_CONVERSION, NO_BASIS)


@dataclass
class TradeContent:
    balance: pd.DataFrame                    # derived balance rows, balance columns + flag
    table: pd.DataFrame                      # the trade_content results table (TABLE_COLUMNS)
    imports: pd.DataFrame                    # the assessed country's imports by partner and code (IMPORT_COLUMNS)
    replaced: np.ndarray                     # rows of the dataset's balance the derived rows replace
    notes: list = field(default_factory=list)  # Messages for the problem list
    combined: dict = field(default_factory=dict, repr=False)   # id(dataset's balance) → the balance with them


# -- factors -------------------------------------------------------------------------------------------

def factor_table(project: pd.DataFrame | None = None) -> pd.DataFrame:
    """The factors in force: the registry's (HS-code rows; basis conversions are not trade factors) with the
    project's ``content_factors`` rows over them, one row per (hs_code, mineral); ``origin`` says which."""
    rows = [{"hs_code": f.hs_code, "mineral": f.mineral, "share": f.share, "basis": f.basis, "kind": f.kind,
             "product": f.product, "mixed": f.mixed, "source": f.source, "origin": "registry"}
            for f in content_factors() if f.hs_code]
    frame = pd.DataFrame(rows, columns=FACTOR_COLUMNS)
    if project is not None and len(project):
        own = pd.DataFrame({
            "hs_code": map_unique(project["hs_code"], lambda v: normalise_hs_code(v) or str(v)).to_numpy(dtype=object),
            "mineral": text_column(project, "mineral").to_numpy(dtype=object),
            "share": pd.to_numeric(project["share"], errors="coerce").to_numpy(dtype=float),
            "basis": map_unique(text_column(project, "basis"),
                                lambda v: normalise_basis(v) or str(v)).to_numpy(dtype=object),
            "kind": "analyst", "product": "", "mixed": "",
            "source": text_column(project, "source").replace("", "analyst").to_numpy(dtype=object),
            "origin": "project"})
        own = own[np.isfinite(own["share"].to_numpy()) & (own["share"].to_numpy() > 0)]
        frame = pd.concat([frame, own], ignore_index=True)
    return frame.drop_duplicates(["hs_code", "mineral"], keep="last").reset_index(drop=True)


def unit_basis(unit: str) -> tuple[str, float] | None:
    """(basis, t per unit) a production unit states: ``'t'`` → ('', 1) (the element's content or the product),
    ``'kg'`` → ('', 0.001), ``'t REO'`` → ('REO', 1), ``'t gross weight'`` → ('gross weight', 1); None for a
    unit that is not a mass or whose basis is not one CritMin can convert to (``t LCE``, ``t concentrate``)."""
    conv = convert_unit("" if unit is None else unit)
    if conv.dimension != "mass" or not conv.unit.startswith("t"):
        return None
    if conv.unit == "t":
        return "", conv.factor
    basis = normalise_basis(conv.unit[2:])
    return (basis, conv.factor) if basis else None


def basis_conversion(mineral: str, factor_basis: str, production_basis: str) -> float | None:
    """t of the production's basis per t of the factor's basis, or None when they do not convert.

    ``product`` (the production counts the traded product itself) fits a production in plain tonnes or in
    gross weight; ``gross weight`` only a production stated in gross weight; an element's content a plain
    production (tonnes of the metal)."""
    if factor_basis == "product":
        return 1.0 if production_basis in ("", "gross weight") else None
    if production_basis == "":
        if is_element(factor_basis) or factor_basis in PRODUCT_BASES and factor_basis != "gross weight":
            return 1.0
        el = element_of(factor_basis)           # a factor in Li2O against lithium content
        return conversion(mineral, factor_basis, el) if el else None
    return conversion(mineral, factor_basis, production_basis)


def shown_basis(factor_basis: str, production_basis: str) -> str:
    """The production's basis as a word: its stated basis, or the element / product the factor measures."""
    if production_basis:
        return production_basis
    return factor_basis if is_element(factor_basis) or factor_basis in PRODUCT_BASES else \
        (element_of(factor_basis) or factor_basis)


# -- production: the basis and P -----------------------------------------------------------------------

def _primary_production(production: pd.DataFrame | None) -> pd.DataFrame:
    """Rows of each mineral's primary stage: mineral, country, year, stage, q, state, unit."""
    cols = ["mineral", "country", "year", "stage", "q", "state", "unit"]
    if production is None or len(production) == 0:
        return pd.DataFrame(columns=cols)
    q, _, _, states = stated_values(production, "quantity")
    p = pd.DataFrame({"mineral": text_column(production, "mineral").to_numpy(dtype=object),
                      "country": text_column(production, "country").to_numpy(dtype=object),
                      "year": pd.to_numeric(production["year"], errors="coerce").to_numpy(dtype=float),
                      "stage": text_column(production, "stage").to_numpy(dtype=object),
                      "q": q, "state": np.asarray(states, dtype=object),
                      "unit": text_column(production, "unit").to_numpy(dtype=object)})
    p = p[np.isfinite(p["year"].to_numpy())]
    p["year"] = p["year"].astype(np.int64)
    stages = p[["mineral", "stage"]].drop_duplicates()
    rank = stages["stage"].map(lambda s: PRIMARY_STAGES.index(s) if s in PRIMARY_STAGES else len(PRIMARY_STAGES))
    first = stages.assign(_r=rank.to_numpy()).sort_values(["mineral", "_r", "stage"], kind="stable") \
        .drop_duplicates("mineral")[["mineral", "stage"]]
    return p.merge(first, on=["mineral", "stage"], how="inner")[cols]


def _production_for(prim: pd.DataFrame, ask: pd.DataFrame) -> pd.DataFrame:
    """Per asked (mineral, country, year): stage, P, its state, the unit (the country's, else the year's one
    unit, else the mineral's one unit) and whether P = 0 because the country is not listed."""
    out = ask.copy()
    out["stage"] = ""
    out["P"] = np.nan
    out["P_state"] = ""
    out["unit"] = ""
    out["not_listed"] = False
    if len(prim) == 0 or len(ask) == 0:
        return out
    stage_of = prim.drop_duplicates("mineral").set_index("mineral")["stage"]
    out["stage"] = out["mineral"].map(stage_of).fillna("").to_numpy(dtype=object)
    own = prim[~prim["country"].isin(AGGREGATES)]
    m = out[["mineral", "country", "year"]].merge(own[["mineral", "country", "year", "q", "state", "unit"]],
                                                  on=["mineral", "country", "year"], how="left")
    out["P"] = m["q"].to_numpy(dtype=float)
    out["P_state"] = m["state"].fillna("").to_numpy(dtype=object)
    out["unit"] = m["unit"].fillna("").to_numpy(dtype=object)
    listed = m["unit"].notna().to_numpy()
    # the year's producers are listed in full when the table has a world or 'other countries' row
    groups = prim.groupby(["mineral", "year"], sort=False).agg(
        agg=("country", lambda c: bool(np.isin(c.to_numpy(dtype=object), AGGREGATES).any())),
        units=("unit", lambda u: tuple(sorted(set(u)))))
    g = out[["mineral", "year"]].merge(groups.reset_index(), on=["mineral", "year"], how="left")
    year_unit = g["units"].map(lambda u: u[0] if isinstance(u, tuple) and len(u) == 1 else "").to_numpy(dtype=object)
    complete = g["agg"].eq(True).to_numpy(dtype=bool)
    mineral_units = prim.groupby("mineral")["unit"].agg(lambda u: tuple(sorted(set(u))))
    one_unit = mineral_units.map(lambda u: u[0] if len(u) == 1 else "")
    m_unit = out["mineral"].map(one_unit).fillna("").to_numpy(dtype=object)
    unit = out["unit"].to_numpy(dtype=object)
    unit = np.where(listed, unit, np.where(year_unit != "", year_unit, m_unit))
    out["unit"] = unit
    not_listed = ~listed & complete & (year_unit != "")
    out["not_listed"] = not_listed
    out["P"] = np.where(not_listed, 0.0, out["P"].to_numpy(dtype=float))
    return out


# -- the conversion ----------------------------------------------------------------------------------

def convert(dataset: Dataset, country: str | None = None) -> TradeContent | None:
    """The trade of ``dataset`` in the production's basis (see the module docstring); None without trade.
    ``country`` narrows it to one assessed country (its imports by partner are then in ``imports``)."""
    trade = dataset.tables.get("trade")
    if trade is None or len(trade) == 0:
        return None
    key = (id(trade), id(dataset.tables.get("production")), id(dataset.tables.get("balance")),
           id(dataset.tables.get("content_factors")), country or "")
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None and all(r() is f for r, f in zip(hit[0], _frames(dataset))):
            return hit[1]
    result = _convert(dataset, country)
    with _LOCK:
        _CACHE.clear()                       # one dataset at a time: the last run's
        _CACHE[key] = (tuple(_ref(f) for f in _frames(dataset)), result)
    return result


def with_trade_balance(dataset: Dataset, country: str | None = None) -> tuple[Dataset, TradeContent | None]:
    """(the dataset whose balance holds the rows derived from trade, the conversion); the dataset itself
    when it has no trade."""
    tc = convert(dataset, country)
    if tc is None or (len(tc.balance) == 0 and not tc.replaced.any()):
        return dataset, tc
    tables = dict(dataset.tables)
    bal = dataset.tables.get("balance")
    hit = tc.combined.get(id(bal))
    if hit is None or hit[0] is not bal:
        parts = []
        if bal is not None and len(bal):
            kept = bal[~tc.replaced] if tc.replaced.any() else bal
            parts.append(kept.assign(flag="") if "flag" not in kept else kept)
        parts.append(tc.balance)
        # one frame per conversion: explain() indexes it once, however often it is asked
        hit = (bal, pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True))
        tc.combined.clear()
        tc.combined[id(bal)] = hit
    tables["balance"] = hit[1]
    return Dataset(tables=tables, sources=dataset.sources), tc


_LOCK = threading.Lock()
_CACHE: dict = {}


def _frames(dataset: Dataset) -> tuple:
    return tuple(dataset.tables.get(t) for t in ("trade", "production", "balance", "content_factors"))


def _ref(frame):
    """A weak reference to a table (the cache must not keep an old dataset alive), or one to nothing."""
    if frame is None:
        return lambda: None
    return weakref.ref(frame)


def _convert(dataset: Dataset, country: str | None) -> TradeContent:
    trade = dataset.tables["trade"]
    notes: list = []
    want = str(country).strip().upper() if country else None
    if want:
        # one country's trade: its rows picked on the raw columns first, the text work on those alone
        own = np.zeros(len(trade), dtype=bool)
        for col in ("importer", "exporter"):
            if col in trade:
                own |= trade[col].to_numpy(dtype=object) == want
        trade = trade[own]
    n = len(trade)
    mineral = text_column(trade, "mineral").to_numpy(dtype=object)
    hs = text_column(trade, "hs_code").to_numpy(dtype=object)
    exp = text_column(trade, "exporter").to_numpy(dtype=object)
    imp = text_column(trade, "importer").to_numpy(dtype=object)
    year = pd.to_numeric(trade["year"], errors="coerce").to_numpy(dtype=float)
    q = pd.to_numeric(trade["quantity_t"], errors="coerce").to_numpy(dtype=float) if "quantity_t" in trade \
        else np.full(n, np.nan)
    stage = text_column(trade, "stage").to_numpy(dtype=object)
    ok = np.isfinite(year) & (exp != imp)
    idx = np.flatnonzero(ok)
    flows = pd.DataFrame({"mineral": mineral[idx], "year": year[idx].astype(np.int64), "hs_code": hs[idx],
                          "exporter": exp[idx], "importer": imp[idx], "q": q[idx], "trade_stage": stage[idx]})

    # one side per country: what it imports (as importer) and exports (as exporter), per code
    sides = []
    for who, col in (("importer", "imports"), ("exporter", "exports")):
        f = flows if not want else flows[flows[who] == want]
        g = f.groupby(["mineral", who, "year", "hs_code"], sort=False)
        side = pd.DataFrame({col: g["q"].sum(min_count=1), f"_{col}_n": g["q"].size(),
                             f"_{col}_stage": g["trade_stage"].first()}).reset_index()
        sides.append(side.rename(columns={who: "country"}))
    keys = ["mineral", "country", "year", "hs_code"]
    per = sides[0].merge(sides[1], on=keys, how="outer")
    per = per[~per["country"].isin(AGGREGATES)].reset_index(drop=True)
    for col in ("imports", "exports"):
        had = per[f"_{col}_n"].notna().to_numpy()
        per[f"gross_{col}_t"] = np.where(had, per[col].to_numpy(dtype=float), 0.0)   # no flow at all: 0
    per["trade_stage"] = per["_imports_stage"].where(per["_imports_stage"].notna(), per["_exports_stage"])

    # the production each country-year is compared with, and its basis
    ask = per[["mineral", "country", "year"]].drop_duplicates().reset_index(drop=True)
    prod = _production_for(_primary_production(dataset.tables.get("production")), ask)
    per = per.merge(prod[["mineral", "country", "year", "unit"]], on=["mineral", "country", "year"], how="left")

    # the factor of each (code, mineral) and its multiplier for each production unit
    factors = factor_table(dataset.tables.get("content_factors"))
    per = per.merge(factors.rename(columns={"basis": "factor_basis"})[
        ["hs_code", "mineral", "share", "factor_basis", "kind", "mixed", "source"]], on=["hs_code", "mineral"],
        how="left")
    combos = per[["mineral", "factor_basis", "unit"]].drop_duplicates()
    conv_of, basis_of, div_of, status_of = {}, {}, {}, {}
    for m, fb, unit in combos.itertuples(index=False):
        k = (m, fb, unit)
        if not isinstance(fb, str):
            status_of[k] = NO_FACTOR
            continue
        ub = unit_basis(unit) if unit else None
        if ub is None:
            status_of[k] = NO_BASIS
            continue
        c = basis_conversion(m, fb, ub[0])
        if c is None:
            status_of[k] = NO_CONVERSION
            basis_of[k] = shown_basis(fb, ub[0])
            continue
        conv_of[k], div_of[k], basis_of[k], status_of[k] = c, ub[1], shown_basis(fb, ub[0]), USED
    k3 = list(zip(per["mineral"], per["factor_basis"], per["unit"]))
    per["status"] = [status_of[k] for k in k3]
    per["conversion"] = [conv_of.get(k, np.nan) for k in k3]
    per["basis"] = [basis_of.get(k, "") for k in k3]
    div = np.array([div_of.get(k, np.nan) for k in k3], dtype=float)
    per["factor"] = per["share"].to_numpy(dtype=float) * per["conversion"].to_numpy(dtype=float) / div
    used = (per["status"] == USED).to_numpy()
    for col in ("imports", "exports"):
        per[col] = np.where(used, per[f"gross_{col}_t"].to_numpy(dtype=float) * per["factor"].to_numpy(), np.nan)

    per["_conv"] = per["status"]             # the conversion's own status, before a given balance overrides it

    # a balance the dataset gives wins; a gross-weight trade balance without production is replaced
    given, replaced = _given_balance(dataset.tables.get("balance"), ask)
    if len(given):
        gk = given.set_index(["mineral", "country", "year"]).index
        is_given = pd.MultiIndex.from_frame(per[["mineral", "country", "year"]]).isin(gk)
        per.loc[is_given, "status"] = GIVEN
        ask_given = pd.MultiIndex.from_frame(ask).isin(gk)
    else:
        ask_given = np.zeros(len(ask), dtype=bool)

    table = per.assign(unit=per["unit"].fillna("")).reindex(columns=TABLE_COLUMNS)
    for col in ("kind", "mixed", "source", "factor_basis", "trade_stage"):
        table[col] = table[col].astype(object).where(table[col].notna(), "")
    table = table.sort_values(["mineral", "country", "year", "hs_code"], kind="stable").reset_index(drop=True)

    balance = _balance_rows(per, prod[~ask_given].reset_index(drop=True))
    imports = _imports(flows, per, want) if want else pd.DataFrame(columns=IMPORT_COLUMNS)
    _notes(notes, table, balance)
    return TradeContent(balance=balance, table=table, imports=imports, replaced=replaced, notes=notes)


def _given_balance(balance: pd.DataFrame | None, ask: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """(the (mineral, country, year) whose trade the balance gives, rows of the balance the trade replaces)."""
    if balance is None or len(balance) == 0:
        return pd.DataFrame(columns=["mineral", "country", "year"]), np.zeros(0, dtype=bool)
    says = np.zeros(len(balance), dtype=bool)
    for col in ("imports", "exports", "net_imports"):
        if col in balance:
            v = pd.to_numeric(balance[col], errors="coerce").to_numpy(dtype=float)
            st = text_column(balance, f"{col}_state").to_numpy(dtype=object)
            says |= np.isfinite(v) | (st != "")
    p = pd.to_numeric(balance["production"], errors="coerce").to_numpy(dtype=float) if "production" in balance \
        else np.full(len(balance), np.nan)
    p_state = text_column(balance, "production_state").to_numpy(dtype=object)
    units = text_column(balance, "unit")
    gross = map_unique(units, lambda u: convert_unit(u).unit == GROSS_WEIGHT).to_numpy(dtype=bool)
    keys = pd.DataFrame({"mineral": text_column(balance, "mineral").to_numpy(dtype=object),
                         "country": text_column(balance, "country").to_numpy(dtype=object),
                         "year": pd.to_numeric(balance["year"], errors="coerce").to_numpy(dtype=float)})
    in_ask = keys.merge(ask.assign(_a=True).astype({"year": float}), on=["mineral", "country", "year"],
                        how="left")["_a"].eq(True).to_numpy(dtype=bool)
    # gross-weight trade without production, where trade now gives the country-year in content: replaced
    replaced = says & gross & ~np.isfinite(p) & (p_state == "") & in_ask
    kept = says & ~replaced
    given = keys[kept & np.isfinite(keys["year"].to_numpy())].drop_duplicates()
    given["year"] = given["year"].astype(np.int64)
    return given, replaced


def _joined_codes(frame: pd.DataFrame, keys: list[str], name: str) -> pd.DataFrame:
    """Per group of ``keys``: its distinct HS codes, sorted and joined by '|' (column ``name``).

    Each code is a bit of one int64 mask per group (a vectorised sum), and only the distinct masks — a
    handful — are turned into text: a per-group Python join over 40,000 country-years took a second."""
    if len(frame) == 0:
        return pd.DataFrame(columns=keys + [name])
    f = frame[keys + ["hs_code"]].drop_duplicates()
    codes, uniques = pd.factorize(f["hs_code"], sort=True)
    if len(uniques) > 62:                    # more codes than bits: the plain way
        return f.groupby(keys, sort=False)["hs_code"].agg(lambda c: "|".join(sorted(c))).rename(name).reset_index()
    mask = f.assign(_bit=np.left_shift(np.int64(1), codes.astype(np.int64))).groupby(keys, sort=False)["_bit"].sum()
    texts = {int(m): "|".join(str(u) for i, u in enumerate(uniques) if int(m) >> i & 1) for m in pd.unique(mask)}
    return mask.map(texts).rename(name).reset_index()


def _balance_rows(per: pd.DataFrame, prod: pd.DataFrame) -> pd.DataFrame:
    """One balance row per mineral, country and year the trade gives and the balance does not."""
    cols = ["mineral", "country", "year", "stage", "production", "production_state", "imports", "imports_state",
            "exports", "exports_state", "net_imports", "net_imports_state", "unit", "flag"]
    if len(prod) == 0:
        return pd.DataFrame(columns=cols)
    sub = per[per["status"] != GIVEN]
    keys = ["mineral", "country", "year"]
    used = sub[sub["status"] == USED]
    g = used.groupby(keys, sort=False)
    sums = pd.DataFrame({"imports": g["imports"].sum(min_count=1), "exports": g["exports"].sum(min_count=1),
                         "_n": g["imports"].size()}).reset_index()
    left = _joined_codes(sub[sub["status"].isin(LEFT_OUT)], keys, "_left")
    mixed = _joined_codes(used[used["mixed"].fillna("") != ""], keys, "_mixed")
    out = prod.merge(sums, on=keys, how="left").merge(left, on=keys, how="left").merge(mixed, on=keys, how="left")
    converted = out["_n"].notna().to_numpy()
    n = len(out)
    imports = out["imports"].to_numpy(dtype=float)
    exports = out["exports"].to_numpy(dtype=float)
    flag = join_flags(n, [("trade_in_content", converted),
                          detail_flag("trade_codes_left_out", out["_left"]),
                          detail_flag("trade_mixed_heading", out["_mixed"]),
                          ("production_not_listed", out["not_listed"].to_numpy(dtype=bool))])
    res = pd.DataFrame({
        "mineral": out["mineral"].to_numpy(dtype=object), "country": out["country"].to_numpy(dtype=object),
        "year": out["year"].to_numpy(dtype=np.int64), "stage": out["stage"].to_numpy(dtype=object),
        "production": out["P"].to_numpy(dtype=float), "production_state": out["P_state"].to_numpy(dtype=object),
        # flows without any quantity: NA (the state D reads as missing); a code without factor: empty
        "imports": imports, "imports_state": np.where(converted & np.isnan(imports), "NA", ""),
        "exports": exports, "exports_state": np.where(converted & np.isnan(exports), "NA", ""),
        "net_imports": np.nan, "net_imports_state": "",
        "unit": out["unit"].to_numpy(dtype=object), "flag": flag})
    return res.sort_values(["mineral", "country", "year"], kind="stable").reset_index(drop=True)[cols]


def _imports(flows: pd.DataFrame, per: pd.DataFrame, country: str) -> pd.DataFrame:
    """The assessed country's imports by partner and code: gross tonnes, content in the production's basis."""
    f = flows[flows["importer"] == country]
    if len(f) == 0:
        return pd.DataFrame(columns=IMPORT_COLUMNS)
    g = f.groupby(["mineral", "year", "exporter", "hs_code"], sort=False)["q"].sum(min_count=1).rename("gross_t")
    out = g.reset_index().rename(columns={"exporter": "partner"})
    out = out[~out["partner"].isin(AGGREGATES)]
    mine = per[per["country"] == country][["mineral", "year", "hs_code", "factor", "share", "factor_basis",
                                           "_conv", "unit", "basis", "mixed"]].rename(columns={"_conv": "status"})
    out = out.merge(mine, on=["mineral", "year", "hs_code"], how="left")
    # shares of imports need one basis, not the production's: without a production basis the factor's own
    # (t of Co …) serves, and the row counts as converted
    own = (out["status"] == NO_BASIS).to_numpy() & np.isfinite(out["share"].to_numpy(dtype=float))
    out.loc[own, "factor"] = out.loc[own, "share"]
    out.loc[own, "unit"] = "t"
    out.loc[own, "basis"] = out.loc[own, "factor_basis"]
    out.loc[own, "status"] = USED
    usable = (out["status"] == USED).to_numpy() & np.isfinite(out["factor"].to_numpy(dtype=float))
    out["content"] = np.where(usable, out["gross_t"].to_numpy(dtype=float) * out["factor"].to_numpy(dtype=float),
                              np.nan)
    for col in ("unit", "basis", "status", "mixed"):
        out[col] = out[col].astype(object).where(out[col].notna(), "")
    return out[IMPORT_COLUMNS].reset_index(drop=True)


def _notes(notes: list, table: pd.DataFrame, balance: pd.DataFrame) -> None:
    if len(table) == 0:
        return
    used = table[table["status"] == USED]
    notes.append(msg("metrics.trade_content", rows=len(balance), minerals=int(used["mineral"].nunique()),
                     codes=int(used["hs_code"].nunique())))
    left = table[table["status"].isin(LEFT_OUT)]
    if len(left):
        shown = [f"{m} {c}" for m, c in left[["mineral", "hs_code"]].drop_duplicates().itertuples(index=False)]
        notes.append(msg("metrics.trade_codes_left_out", n=len(shown), codes=Joined(tuple(shown[:12]))))

