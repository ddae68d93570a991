"""Where a number of the results comes from: formula, inputs, rules, flags, parameters, sources.

``explain(results, dataset, table, key)`` takes one row of a results table (named by its key columns)
and rebuilds its number from the inputs with the engine's own rules (METHODS §2), step by step, so
the Details dock, the clipboard and the command line can show *why* it is what it is.  Qt-free.

What each explanation holds (``inputs`` are :class:`InputTable` s; column names are the codes the
results tables use, for the GUI to title):

* **D** (``import_dependency``, key mineral, country, year, stage): one row per balance input
  (production, imports, exports, net_imports) with its number, state and the number that entered the
  formula; the intermediate values (production P, net imports I, supply I + P, D); steps for printed
  bounds, withheld values (policy exclude / last_known with the year used / bound), production taken
  from the production table, how I was obtained and the rule applied (missing input, net exporter → 0,
  no supply, or I / (P + I)).  A row derived from trade by HS code (:mod:`.trade_content`) adds the
  table of its HS codes (gross tonnes each side, factor, content tonnes, status, what else a mixed heading
  holds, the factor's source) and steps naming the codes used, left out and mixed, and a production the
  table does not list (P = 0) with the D 'other countries' would give.
* **M** (``market_dynamics``, key mineral, year): one row per window year (year, price, state); n,
  mean, sample standard deviation (divisor n − 1), M_raw = std / mean, the min and max M_raw of the
  analysis used by the min-max scaling and M.
* **Γ** (``governance``, key country, year): one row per WGI indicator (indicator, estimate, rescaled
  Γr = 1 − (x + bound) / span, clipped into (0, 1] with ``gamma_epsilon``) and their geometric mean.
* **R** (``supply_risk``, key mineral, year, stage): one row per producer (country, quantity, share S,
  Γ with the year it comes from, contribution S²·Γ) sorted by contribution, then the rows that add no
  term (no Γ, 'other countries', left out); total, HHI, R_raw, the min and max R_raw of the analysis,
  coverage and R.
* **threshold** (``thresholds``, key metric): the two-cluster split of every value of the metric (number
  of values, of low and high values, the boundary values), the low and high centres, the method and the
  threshold.
* more briefly: **share** (``production_shares``, key mineral, year, stage, country: quantity / group
  total), **concentration** (``concentration``, key mineral, year, basis, stage: top-1 and top-k shares
  of the ranked countries; ``value`` is the top-1 share) and **category** (``supply_categories``, key
  mineral, country, year, stage: the four rules with the row's D, R and shares; ``value`` is the
  category number, 0 for none).

Every sentence is a :class:`~desktop.core.messages.Message` (English and Chinese, codes ``explain.*``);
the flags are the catalogue's ``flag.<code>`` sentences.  Indexes of the tables looked up are cached per
frame (by identity and length): the engine's results and a dataset are not changed in place.
"""
from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.core.dataset import WGI_INDICATORS, Dataset
from desktop.core.messages import Joined, Message, flag_code, msg, term
from desktop.core.messages_catalogue import CATALOGUE
from desktop.core.metrics.states import BOUND_STATES, text_column
from desktop.core.metrics.dependency import _production_of
from desktop.core.metrics.engine import METRIC_TABLES, Results
from desktop.core.metrics.params import parse_threshold_method
from desktop.core.metrics.thresholds import two_cluster_split
from desktop.core.metrics.trade_content import LEFT_OUT, USED, with_trade_balance

__all__ = ["SUPPORTED_TABLES", "Explanation", "InputTable", "explain"]

_USABLE = ("",) + BOUND_STATES
_INPUTS = ("production", "imports", "exports", "net_imports")
_AGGREGATES = ("WORLD", "OTHERS")
_EMPTY = "–"
_MAX_TERMS = 6               # terms of a sum written out in a substituted formula
_BIG = 1_000_000             # frames longer than this are searched directly, not indexed


# -- the result ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class InputTable:
    """A small table of inputs and intermediate values; ``columns`` are codes (``country``, ``share``)."""

    title: Message
    columns: list[str]
    rows: list[tuple]


@dataclass(frozen=True)
class Explanation:
    """Where one number of a results table comes from (see the module docstring)."""

    table: str
    key: dict
    value: float
    metric: str
    formula: Message
    substituted: str
    steps: list[Message] = field(default_factory=list)
    inputs: list[InputTable] = field(default_factory=list)
    flags: list[Message] = field(default_factory=list)
    parameters: list[tuple[str, object]] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)   # table, file, format, imported_at, years ('2015–2024')

    def text(self, lang: str = "en") -> str:
        """The explanation as plain text in English ('en') or Chinese ('zh')."""
        def t(code: str, **params) -> str:
            return Message(code, params).text(lang)

        key = Joined(tuple(f"{k}={v}" for k, v in self.key.items()))
        lines = [t("explain.title", metric=_SYMBOLS.get(self.metric, self.metric), table=self.table, key=key),
                 t("explain.value", value=_fmt(self.value)),
                 "", t("explain.heading.formula"), "  " + self.formula.text(lang), "  " + self.substituted]
        if self.steps:
            lines += ["", t("explain.heading.steps")] + [f"  • {s.text(lang)}" for s in self.steps]
        if self.inputs:
            lines += ["", t("explain.heading.inputs")]
            for table in self.inputs:
                lines += ["  " + table.title.text(lang)] + ["    " + r for r in _table_lines(table)]
        if self.flags:
            lines += ["", t("explain.heading.flags")]
            lines += ["  • " + t("flags.line", flag=f.params.get("flag", f.code), text=f) for f in self.flags]
        if self.parameters:
            lines += ["", t("explain.heading.parameters")]
            lines += [f"  {name} = {_fmt(value) if value not in ('', None) else _EMPTY}"
                      for name, value in self.parameters]
        if self.sources:
            lines += ["", t("explain.heading.sources")]
            not_stated = msg("phrase.not_stated")
            lines += ["  • " + t("explain.source", table=term("table", s["table"]), file=s["file"],
                                 format=s["format"] or not_stated, imported_at=s["imported_at"] or not_stated,
                                 years=s["years"] or not_stated) for s in self.sources]
        return "\n".join(lines)


_SYMBOLS = {"gamma": "Γ"}


def _table_lines(table: InputTable) -> list[str]:
    cells = [list(table.columns)] + [[_fmt(v) for v in row] for row in table.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(table.columns))]
    return [" | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]


# -- the entry point -------------------------------------------------------------------------------

def explain(results: Results, dataset: Dataset, table: str, key: dict) -> Explanation | None:
    """Explain one number of the results: its formula with the actual inputs, the rules applied, the
    flags, the parameters and the source files.

    Parameters
    ----------
    results : desktop.core.metrics.engine.Results
        What ``run(dataset, params)`` returned (its tables and ``params`` are used).
    dataset : desktop.core.dataset.Dataset
        The dataset the results were computed from (input tables and ``sources``).
    table : str
        A results table of :data:`SUPPORTED_TABLES` (``import_dependency``, ``market_dynamics``,
        ``governance``, ``supply_risk``, ``thresholds``, ``production_shares``, ``concentration``,
        ``supply_categories``).
    key : dict
        The row's key columns, e.g. ``{"mineral": "cobalt", "year": 2023, "stage": "mine"}``
        (``import_dependency`` and ``supply_categories`` also ``country``; ``governance``: country and
        year; ``thresholds``: ``{"metric": "R"}``; ``concentration``: mineral, year, basis, stage).
        A key column left out matches any value (the first such row is explained).

    Returns
    -------
    Explanation or None
        The explanation, whose ``value`` is recomputed from the inputs (equal to the table's number);
        None when the table is not in the results or not supported, or no row has the key.
    """
    build = _EXPLAINERS.get(table)
    frame = results.tables.get(table)
    if build is None or frame is None or len(frame) == 0:
        return None
    pos = _find(frame, key, _KEYS[table])
    if pos is None:
        return None
    return build(results, dataset, table, dict(key), frame, pos)


# -- import dependency D -------------------------------------------------------------------------------

def _explain_dependency(res: Results, ds: Dataset, table: str, key: dict, frame: pd.DataFrame,
                        pos: int) -> Explanation:
    """D of one import_dependency row rebuilt from the balance the engine ran on (METHODS §2.1)."""
    p = res.params
    m, c, s = (_text_at(frame, col, pos) for col in ("mineral", "country", "stage"))
    y = int(frame["year"].iloc[pos])
    # the balance the engine ran on: the dataset's, with the rows derived from trade by HS code
    ds, conv = with_trade_balance(ds, p.country)
    bal = ds.get("balance")
    found = _balance_group(bal, frame, pos, m, c, y, s)
    if found is None:
        return _from_table(res, table, key, frame, pos, "D", "D", ["balance"], ds)
    group, yrs, i = found
    row = int(group[i])
    cell = _balance_cells(bal, group[: i + 1], yrs, p.withheld_policy)
    from_table, differs = _fill_production(ds, bal, row, cell["production"], m, c, y, s)
    d = _dependency_terms(cell)
    reliance = _bound_reliance(bal, group[i: i + 1], p.withheld_policy, d)
    D = reliance if math.isfinite(reliance) else d.D

    steps = (_input_steps(cell, d.in_play) + _production_steps(from_table, differs, d.production)
             + _net_imports_steps(cell, d) + _blocked_steps(d, reliance, p.withheld_policy) + _rule_steps(d))
    params = {"withheld_policy": p.withheld_policy, "country": p.country or ""}
    inputs = ["balance"] + (["production"] if from_table or differs else [])
    tables = [InputTable(msg("explain.table.balance"), ["input", "value", "state", "used"], _balance_rows(cell, d)),
              _values_table(_dependency_values(d, reliance, D))]
    row_flag = _text_at(bal, "flag", row) if "flag" in bal else ""
    if conv is not None and row_flag:
        # a row derived from trade: its HS codes and factors, before the rules
        trade_steps, trade_table = _trade_parts(conv, ds, m, c, y, s, row_flag, d.net_imports)
        steps = trade_steps + steps
        tables.insert(1, trade_table)
        inputs = ["trade", "production"] + (["content_factors"] if "content_factors" in ds else [])
    return Explanation(
        table=table, key=key, value=_clean(D), metric="D", formula=msg("explain.formula.D"),
        substituted=_dependency_sub(d, reliance), steps=steps, inputs=tables, flags=_flags(frame, pos),
        parameters=_named(params), sources=_sources(ds, inputs))


@dataclass(frozen=True)
class _Dependency:
    """The terms of D for one balance cell as the engine applies METHODS §2.1 (before a printed reliance)."""

    production: float       # P
    net_imports: float      # I: the net_imports cell when a number, else imports − exports
    supply: float           # I + P
    ni_number: bool         # net_imports is a number
    ni_exporter: bool       # net_imports has the state E and no number: a net exporter
    use_ni: bool            # the formula reads net_imports (not imports and exports)
    in_play: list[str]      # the input columns the formula reads
    withheld: list[str]     # those still withheld (after last_known)
    miss: list[str]         # those missing (no number, not withheld)
    exporter: bool          # a net exporter: D = 0
    no_supply: bool         # P + I ≤ 0: no D
    D: float                # the formula's D (NaN when an input lacks or there is no supply)

    @property
    def blocked(self) -> bool:
        """Whether an input is missing or withheld (no rule applies)."""
        return bool(self.miss or self.withheld)


def _balance_group(bal: pd.DataFrame, frame: pd.DataFrame, pos: int, m: str, c: str, y: int, s: str
                   ) -> tuple[np.ndarray, np.ndarray, int] | None:
    """The balance rows of the cell's mineral, country and stage in the engine's order (year, then the table's
    order), their years and the index among them of the row explained; None when the year has no row."""
    group = _rows(bal, ("mineral", "country", "stage"), (m, c, s))
    yrs = _numbers(bal, "year", group)
    keep = np.isfinite(yrs)
    group, yrs = group[keep], yrs[keep]
    order = np.argsort(yrs, kind="stable")
    group, yrs = group[order], yrs[order]
    twins = _rows(frame, ("mineral", "country", "year", "stage"), (m, c, y, s))
    same = np.flatnonzero(yrs == y)
    if len(same) == 0:
        return None
    return group, yrs, int(same[min(int(np.searchsorted(twins, pos)), len(same) - 1)])


def _fill_production(ds: Dataset, bal: pd.DataFrame, row: int, pc: dict, m: str, c: str, y: int, s: str
                     ) -> tuple[bool, bool]:
    """(taken from the production table, its unit differs): an empty production cell ``pc`` gets the production
    table's quantity of the same cell and unit (``pc['value']`` is set)."""
    if math.isfinite(pc["value"]) or pc["state"] != "" or "production" not in ds:
        return False, False
    unit = _text_at(bal, "unit", row) if "unit" in bal else ""
    got, diff, _ = _production_of(ds.get("production"), np.array([m], dtype=object), np.array([c], dtype=object),
                                  np.array([y], dtype=np.int64), np.array([s], dtype=object),
                                  np.array([unit], dtype=object))
    from_table, differs = bool(np.isfinite(got[0])), bool(diff[0])
    if from_table:
        pc["value"] = float(got[0])
    return from_table, differs


def _dependency_terms(cell: dict[str, dict]) -> _Dependency:
    """P, I, the inputs in play, missing and withheld, and the rule that gives D (METHODS §2.1)."""
    P = cell["production"]["value"]
    ni, im, ex = cell["net_imports"], cell["imports"], cell["exports"]
    ni_number = math.isfinite(ni["value"])
    ni_exporter = ni["state"] == "E" and not ni_number
    ni_supplied = ni_number or ni_exporter
    net_imports = ni["value"] if ni_number else im["value"] - ex["value"]
    both_ie = math.isfinite(im["value"]) and math.isfinite(ex["value"])
    use_ni = ni_supplied or (ni["w"] and not both_ie)
    in_play = ["production"] + (["net_imports"] if use_ni else ["imports", "exports"])
    withheld = [col for col in in_play if cell[col]["w"]]
    miss = _missing_inputs(cell, use_ni, ni_supplied)
    blocked = bool(miss or withheld)
    exporter = not blocked and (ni_exporter or (math.isfinite(net_imports) and net_imports < 0))
    supply = net_imports + P
    no_supply = not blocked and not exporter and not supply > 0
    D = math.nan
    if exporter:
        D = 0.0
    elif not blocked and not no_supply:
        D = net_imports / supply
    return _Dependency(production=P, net_imports=net_imports, supply=supply, ni_number=ni_number,
                       ni_exporter=ni_exporter, use_ni=use_ni, in_play=in_play, withheld=withheld, miss=miss,
                       exporter=exporter, no_supply=no_supply, D=D)


def _missing_inputs(cell: dict[str, dict], use_ni: bool, ni_supplied: bool) -> list[str]:
    """The input columns the formula reads that have no number and are not withheld (production first)."""
    pc = cell["production"]
    miss = []
    if not math.isfinite(pc["value"]) and not pc["w"]:
        miss.append("production")
    if use_ni:
        if not ni_supplied and not cell["net_imports"]["w"]:
            miss.append("net_imports")
    else:
        miss += [col for col in ("imports", "exports") if not math.isfinite(cell[col]["value"]) and not cell[col]["w"]]
    return miss


def _bound_reliance(bal: pd.DataFrame, here: np.ndarray, policy: str, d: _Dependency) -> float:
    """The row's printed reliance, D under the bound policy when an input is withheld (NaN when none applies)."""
    if policy != "bound" or not d.withheld or d.miss or "reliance" not in bal:
        return math.nan
    rel = _numbers(bal, "reliance", here)[0]
    if math.isfinite(rel) and str(_states(bal, "reliance", here)[0]) in _USABLE:
        return float(rel)
    return math.nan


def _input_steps(cell: dict[str, dict], in_play: list[str]) -> list[Message]:
    """Per input the formula reads: its printed bound, and the last known value that replaced it or its lack."""
    steps: list[Message] = []
    for col in in_play:
        ci = cell[col]
        if ci["bound"]:
            steps.append(msg("explain.d.printed_bound", column=term("column", col), state=ci["state"],
                             value=_fmt(ci["raw"])))
        if ci["lk"] is not None:
            steps.append(msg("explain.d.last_known", column=term("column", col), year=ci["lk"],
                             value=_fmt(ci["value"])))
        elif ci["lk_none"] and ci["w"]:
            steps.append(msg("explain.d.no_earlier", column=term("column", col)))
    return steps


def _production_steps(from_table: bool, differs: bool, P: float) -> list[Message]:
    """Production taken from the production table, or not taken because the table's unit differs."""
    if from_table:
        return [msg("explain.d.production_from_table", value=_fmt(P))]
    if differs:
        return [msg("explain.d.production_unit_differs")]
    return []


def _net_imports_steps(cell: dict[str, dict], d: _Dependency) -> list[Message]:
    """How I was obtained: the net_imports number, its state E (a net exporter), or imports − exports."""
    if d.ni_number and d.use_ni:
        return [msg("explain.d.net_imports_supplied", value=_fmt(d.net_imports))]
    if d.ni_exporter:
        return [msg("explain.d.net_imports_exporter")]
    if not d.use_ni and math.isfinite(d.net_imports):
        return [msg("explain.d.net_imports_computed", imports=_fmt(cell["imports"]["value"]),
                    exports=_fmt(cell["exports"]["value"]), value=_fmt(d.net_imports))]
    return []


def _blocked_steps(d: _Dependency, reliance: float, policy: str) -> list[Message]:
    """The missing inputs, and the withheld ones: the printed reliance taken, or none and the policy applied."""
    steps: list[Message] = []
    if d.miss:
        steps.append(msg("explain.d.missing", columns=_column_names(d.miss)))
    if d.withheld and math.isfinite(reliance):
        steps.append(msg("explain.d.reliance", value=_fmt(reliance)))
    elif d.withheld:
        if policy == "bound" and not d.miss:
            steps.append(msg("explain.d.no_reliance"))
        steps.append(msg("explain.d.withheld", columns=_column_names(d.withheld), policy=policy))
    return steps


def _rule_steps(d: _Dependency) -> list[Message]:
    """The rule that gives D: net exporter → 0, no supply, or I / (P + I); none when an input lacks."""
    if d.blocked:
        return []
    if d.exporter:
        return [msg("explain.d.net_exporter_state") if d.ni_exporter
                else msg("explain.d.net_exporter", value=_fmt(d.net_imports))]
    if d.no_supply:
        return [msg("explain.d.no_supply", value=_fmt(d.supply))]
    return [msg("explain.d.ratio")]


def _dependency_sub(d: _Dependency, reliance: float) -> str:
    """D's formula with the numbers substituted (or the rule that replaced it)."""
    P, net_imports = _fmt(d.production), _fmt(d.net_imports)
    if math.isfinite(reliance):
        return f"D = reliance = {_fmt(reliance)}"
    if d.blocked:
        return f"D = {_EMPTY}"
    if d.exporter:
        return "net_imports_state = E → D = 0" if d.ni_exporter else f"I = {net_imports} < 0 → D = 0"
    if d.no_supply:
        return f"{P} + {net_imports} = {_fmt(d.supply)} ≤ 0 → D = {_EMPTY}"
    return f"D = {net_imports} / ({P} + {net_imports}) = {_fmt(d.D)}"


def _balance_rows(cell: dict[str, dict], d: _Dependency) -> list[tuple]:
    """Per balance input: (input, its number, state, the number that entered the formula)."""
    def used(col: str) -> float:
        if col == "production":
            return d.production
        if col == "net_imports":
            return cell[col]["value"] if d.use_ni else math.nan
        return cell[col]["value"] if not d.use_ni else math.nan

    return [(col, cell[col]["raw"], cell[col]["state"], used(col)) for col in _INPUTS]


def _dependency_values(d: _Dependency, reliance: float, D: float) -> dict[str, float]:
    """The intermediate values: P, I, supply, the printed reliance when taken, and D."""
    values = {"production": d.production, "net_imports": d.net_imports, "supply": d.supply}
    if math.isfinite(reliance):
        values["reliance"] = reliance
    values["D"] = D
    return values


_TRADE_COLUMNS = ["hs_code", "trade_stage", "gross_imports_t", "gross_exports_t", "share", "factor_basis",
                  "conversion", "factor", "imports", "exports", "unit", "status", "mixed", "source"]


def _trade_parts(conv, ds: Dataset, m: str, c: str, y: int, s: str, row_flag: str, net_imports: float
                 ) -> tuple[list[Message], InputTable]:
    """The steps and the HS-code table of a balance row derived from trade (trade_content's rows)."""
    t = conv.table
    sel = _rows(t, ("mineral", "country", "year"), (m, c, y))
    part = t.iloc[sel]
    used = part[part["status"] == USED]
    left = part[part["status"].isin(LEFT_OUT)]
    mixed = used[used["mixed"] != ""]
    unit = str(used["unit"].iloc[0]) if len(used) else (str(part["unit"].iloc[0]) if len(part) else "")
    basis = str(used["basis"].iloc[0]) if len(used) else ""
    steps: list[Message] = []
    if len(used):
        terms = Joined(tuple(f"{code} × {_fmt(f)}" for code, f in zip(used["hs_code"], used["factor"])))
        steps.append(msg("explain.d.trade_content", basis=basis or unit, unit=unit, terms=terms,
                         imports=_fmt(float(used["imports"].sum(min_count=1))),
                         exports=_fmt(float(used["exports"].sum(min_count=1)))))
    if len(left):
        reasons = Joined(tuple(f"{code} ({term('status', st)})" for code, st in zip(left["hs_code"], left["status"])))
        steps.append(msg("explain.d.trade_left_out", codes=reasons))
    if len(mixed):
        steps.append(msg("explain.d.trade_mixed", codes=Joined(tuple(mixed["hs_code"]))))
    if "production_not_listed" in row_flag.split(";"):
        others = _others_production(ds, m, y, s)
        if math.isfinite(others) and math.isfinite(net_imports) and net_imports > 0:
            steps.append(msg("explain.d.production_not_listed_bound", others=_fmt(others), unit=unit,
                             value=_fmt(net_imports / (net_imports + others))))
        else:
            steps.append(msg("explain.d.production_not_listed"))
    rows = [tuple(_clean(v) if isinstance(v, float) else v for v in r)
            for r in part.reindex(columns=_TRADE_COLUMNS).itertuples(index=False, name=None)]
    return steps, InputTable(msg("explain.table.trade_content"), list(_TRADE_COLUMNS), rows)


def _others_production(ds: Dataset, m: str, y: int, s: str) -> float:
    """'Other countries' (OTHERS) production of the mineral, year and stage, the bound of an unlisted country's."""
    prod = ds.get("production")
    if len(prod) == 0:
        return math.nan
    sel = _rows(prod, ("mineral", "country", "stage"), (m, "OTHERS", s))
    years = _numbers(prod, "year", sel)
    hit = sel[years == y]
    if len(hit) == 0:
        return math.nan
    v = _numbers(prod, "quantity", hit[:1])[0]
    return float(v) if math.isfinite(v) else math.nan


def _balance_cells(bal: pd.DataFrame, rows: np.ndarray, years: np.ndarray, policy: str) -> dict[str, dict]:
    """Per input column, the last of ``rows`` (one mineral/country/stage, sorted by year) as D reads it:
    raw number, state, usable, the value used (a withheld one replaced under last_known), still withheld,
    the year of the last known value, no earlier value, a printed bound."""
    i = len(rows) - 1
    cell: dict[str, dict] = {}
    for col in _INPUTS:
        v_all, st_all = _numbers(bal, col, rows), _states(bal, col, rows)
        ok_all = np.isfinite(v_all) & np.isin(st_all, _USABLE)
        st = str(st_all[i])
        w = st == "W"
        if col == "net_imports":
            # a withheld net_imports is not needed when imports and exports are both known
            w = w and not (cell["imports"]["usable"] and cell["exports"]["usable"])
        value = float(v_all[i]) if ok_all[i] else math.nan
        lk_year, lk_none = None, False
        if policy == "last_known" and w:
            earlier = np.flatnonzero(ok_all[:i])          # the latest earlier row with a usable value
            if len(earlier):
                j = int(earlier[-1])
                value, lk_year, w = float(v_all[j]), int(years[j]), False
            else:
                lk_none = True
        cell[col] = {"raw": float(v_all[i]), "state": st, "usable": bool(ok_all[i]), "value": value, "w": w,
                     "lk": lk_year, "lk_none": lk_none, "bound": bool(ok_all[i]) and st in BOUND_STATES}
    return cell


def _column_names(cols: list[str]) -> Joined:
    return Joined(tuple(term("column", col) for col in cols))


# -- market dynamics M -----------------------------------------------------------------------------------

def _explain_market(res: Results, ds: Dataset, table: str, key: dict, frame: pd.DataFrame,
                    pos: int) -> Explanation:
    p = res.params
    m = _text_at(frame, "mineral", pos)
    y = int(frame["year"].iloc[pos])
    prices = ds.get("prices")
    rows = _rows(prices, ("mineral",), (m,))
    yrs, v, st = _numbers(prices, "year", rows), _numbers(prices, "price", rows), _states(prices, "price", rows)
    usable = np.isfinite(v) & np.isin(st, _USABLE)
    w = int(p.window)
    need = int(p.min_points) if p.min_points is not None else w
    window = []                      # (year, price used or NaN, state, bound)
    for wy in range(y - w + 1, y + 1):
        at = np.flatnonzero(yrs == wy)
        if len(at) == 0:
            window.append((wy, math.nan, "", False))
            continue
        k = int(at[-1])              # duplicates: the last row wins, as in the engine's grid
        ok = bool(usable[k])
        window.append((wy, float(v[k]) if ok else math.nan, str(st[k]), ok and st[k] in BOUND_STATES))
    x = np.array([r[1] for r in window if math.isfinite(r[1])], dtype=float)
    n = len(x)
    mean = float(x.mean()) if n else math.nan
    std = float(np.sqrt(((x - mean) ** 2).sum() / (n - 1))) if n >= 2 else math.nan
    incomplete = n < max(need, 2)
    partial = not incomplete and n < w
    nonpos = not incomplete and not mean > 0
    raw = std / mean if not incomplete and not nonpos else math.nan
    lo, hi = _finite_range(frame, "M_raw")
    M, constant = _minmax(raw, lo, hi)

    steps = [msg("explain.m.window", w=w, first=y - w + 1, last=y, n=n)]
    stated = [(wy, sv) for wy, pv, sv, _ in window if not math.isfinite(pv) and sv]
    for wy, sv in stated:
        steps.append(msg("explain.m.price_state", year=wy, state=sv))
    absent = tuple(wy for wy, pv, sv, _ in window if not math.isfinite(pv) and not sv)
    if absent:
        steps.append(msg("explain.m.no_price", years=Joined(absent)))
    bounds = tuple(wy for wy, _, _, b in window if b)
    if bounds:
        steps.append(msg("explain.m.bound", years=Joined(bounds)))
    if partial:
        steps.append(msg("explain.m.partial", n=n, w=w, min_points=need))
    if incomplete:
        steps.append(msg("explain.m.incomplete", n=n, need=max(need, 2)))
    elif nonpos:
        steps.append(msg("explain.m.nonpositive_mean", mean=_fmt(mean)))
    else:
        steps.append(msg("explain.m.raw", std=_fmt(std), mean=_fmt(mean), raw=_fmt(raw)))
    steps.append(_minmax_step("M", "M_raw", raw, lo, hi, constant))

    if incomplete:
        sub = f"n = {n} < {max(need, 2)} → M_raw = {_EMPTY}, M = {_EMPTY}"
    elif nonpos:
        sub = f"mean = {_fmt(mean)} ≤ 0 → M_raw = {_EMPTY}, M = {_EMPTY}"
    else:
        sub = f"M_raw = {_fmt(std)} / {_fmt(mean)} = {_fmt(raw)}; " + _minmax_sub("M", raw, lo, hi, M, constant)
    values = {"n": n, "mean": mean, "std": std, "M_raw": raw, "min_M_raw": lo, "max_M_raw": hi, "M": M}
    return Explanation(
        table=table, key=key, value=_clean(M), metric="M", formula=msg("explain.formula.M"), substituted=sub,
        steps=steps, inputs=[InputTable(msg("explain.table.window"), ["year", "price", "state"],
                                        [(wy, pv, sv) for wy, pv, sv, _ in window]),
                             _values_table(values)],
        flags=_flags(frame, pos), parameters=_named({"window": w, "min_points": p.min_points or ""}),
        sources=_sources(ds, ["prices"]))


# -- governance Γ ------------------------------------------------------------------------------------------

def _gamma_parts(ds: Dataset, country: str, year: int, params) -> tuple[list, list[Message]]:
    """([(indicator, estimate, Γr, clipped)] in WGI order, steps about rows left out)."""
    gov = ds.get("governance")
    rows = _rows(gov, ("country", "year"), (country, year))
    ind = [i.upper().strip() for i in _texts(gov, "indicator", rows)]
    x, st = _numbers(gov, "estimate", rows), _states(gov, "estimate", rows)
    usable = np.isfinite(x) & np.isin(st, _USABLE)
    chosen: dict[str, float] = {}
    left: list[Message] = []
    for k, name in enumerate(ind):
        if name not in WGI_INDICATORS:
            continue
        if usable[k]:
            chosen[name] = float(x[k])          # one estimate per indicator: the last usable row wins
        elif name not in chosen:
            left.append(msg("explain.gamma.left_out", indicator=name, state=str(st[k]) or _EMPTY))
    bound, span, eps = float(params.wgi_bound), params.span, float(params.gamma_epsilon)
    out = []
    for name in WGI_INDICATORS:
        if name not in chosen:
            continue
        xe = chosen[name]
        g = 1.0 - (xe + bound) / span
        clipped = xe < -bound or xe > bound or g <= 0 or g > 1
        out.append((name, xe, min(max(g, eps), 1.0) if clipped else g, clipped))
    left = [s for s in left if s.params["indicator"] not in chosen]
    return out, left


def _explain_gamma(res: Results, ds: Dataset, table: str, key: dict, frame: pd.DataFrame,
                   pos: int) -> Explanation:
    p = res.params
    c = _text_at(frame, "country", pos)
    y = int(frame["year"].iloc[pos])
    parts, left = _gamma_parts(ds, c, y, p)
    n = len(parts)
    gamma = math.exp(sum(math.log(g) for _, _, g, _ in parts) / n) if n else math.nan
    steps = [msg("explain.gamma.rescale", bound=_fmt(p.wgi_bound), span=_fmt(p.span))]
    steps += [msg("explain.gamma.clipped", indicator=name, estimate=_fmt(xe), value=_fmt(g))
              for name, xe, g, clipped in parts if clipped]
    steps += left
    if 0 < n < len(WGI_INDICATORS):
        missing = tuple(i for i in WGI_INDICATORS if i not in {q[0] for q in parts})
        steps.append(msg("explain.gamma.partial", n=n, missing=Joined(missing)))
    steps.append(msg("explain.gamma.geomean", n=n, value=_fmt(gamma)))
    terms = " · ".join(_fmt(g) for _, _, g, _ in parts)
    sub = f"Γ = ({terms})^(1/{n}) = {_fmt(gamma)}" if n else f"Γ = {_EMPTY}"
    return Explanation(
        table=table, key=key, value=_clean(gamma), metric="gamma", formula=msg("explain.formula.gamma"),
        substituted=sub, steps=steps,
        inputs=[InputTable(msg("explain.table.indicators"), ["indicator", "estimate", "gamma_r"],
                           [(name, xe, g) for name, xe, g, _ in parts]),
                _values_table({"n_indicators": n, "gamma": gamma})],
        flags=_flags(frame, pos), parameters=_gamma_params(p), sources=_sources(ds, ["governance"]))


def _gamma_params(p) -> list[tuple[str, object]]:
    return _named({"wgi_bound": p.wgi_bound, "wgi_span": p.span, "gamma_epsilon": p.gamma_epsilon})


# -- supply risk R ---------------------------------------------------------------------------------------

def _gamma_of(res: Results, country: str, year: int) -> tuple[float, int | None]:
    """(Γ, its year) of the governance results: the year itself or the nearest earlier year with a Γ."""
    gov = res.tables.get("governance")
    if gov is None or len(gov) == 0:
        return math.nan, None
    rows = _rows(gov, ("country",), (country,))
    g, yrs = _numbers(gov, "gamma", rows), _numbers(gov, "year", rows)
    ok = np.flatnonzero(np.isfinite(g) & (yrs <= year))
    if len(ok) == 0:
        return math.nan, None
    best = ok[np.argmax(yrs[ok])]
    return float(g[best]), int(yrs[best])


def _explain_risk(res: Results, ds: Dataset, table: str, key: dict, frame: pd.DataFrame,
                  pos: int) -> Explanation:
    """R of one supply_risk row rebuilt from the production shares and Γ (METHODS §2.3)."""
    p = res.params
    m, s = _text_at(frame, "mineral", pos), _text_at(frame, "stage", pos)
    y = int(frame["year"].iloc[pos])
    shares = res.tables.get("production_shares")
    group = _rows(shares, ("mineral", "year", "stage"), (m, y, s)) if shares is not None else np.zeros(0, int)
    q, S = _numbers(shares, "quantity", group), _numbers(shares, "share", group)
    other_unit = ["other_unit" in f.split(";") for f in _texts(shares, "flag", group)]
    split = _split_producers(res, list(_texts(shares, "country", group)), q, S, y)
    r = _risk_sums(split, q, S, sum(other_unit))
    lo, hi = _finite_range(frame, "R_raw")
    R, constant = _minmax(r.raw, lo, hi)

    steps = _risk_steps(split, r, y) + [_minmax_step("R", "R_raw", r.raw, lo, hi, constant)]
    if math.isfinite(r.raw):
        terms = [f"{_fmt(row[2])}² · {_fmt(row[3])}" for row in split.producers[:_MAX_TERMS]]
        more = " + …" if len(split.producers) > _MAX_TERMS else ""
        sub = f"R_raw = {' + '.join(terms)}{more} = {_fmt(r.raw)}; " + _minmax_sub("R", r.raw, lo, hi, R, constant)
    else:
        sub = f"R_raw = {_EMPTY}, R = {_EMPTY}"
    rows = [(c, qi, si, g, gy if gy is not None else math.nan, ct)
            for c, qi, si, g, gy, ct in split.producers + split.rest]
    values = {"total": r.total, "HHI": r.hhi, "R_raw": r.raw, "min_R_raw": lo, "max_R_raw": hi,
              "coverage": r.coverage, "R": R}
    return Explanation(
        table=table, key=key, value=_clean(R), metric="R", formula=msg("explain.formula.R"), substituted=sub,
        steps=steps,
        inputs=[InputTable(msg("explain.table.producers"),
                           ["country", "quantity", "share", "gamma", "gamma_year", "contribution"], rows),
                _values_table(values)],
        flags=_flags(frame, pos), parameters=_gamma_params(p), sources=_sources(ds, ["production", "governance"]))


@dataclass(frozen=True)
class _Producers:
    """The rows of one mineral, year and stage's shares, each (country, quantity, share, Γ, Γ year, S²·Γ)."""

    producers: list[tuple]      # the terms of R_raw (a share and a Γ), by contribution
    rest: list[tuple]           # no term: no Γ, 'other countries', left out (no share)
    carried: list[str]          # 'country year' of a Γ carried forward from an earlier year
    no_gamma: list[str]         # producers with a share > 0 and no Γ
    others_share: float         # the share of 'other countries'


@dataclass(frozen=True)
class _RiskSums:
    """The sums of R (METHODS §2.3): total quantity, HHI, covered share, coverage, R_raw, and why there is none."""

    total: float
    n_listed: int               # listed producers (a share, not 'other countries')
    n_left: int                 # rows left out (no quantity), not counting those of another unit
    n_unit: int                 # rows left out because of another unit
    hhi: float
    covered: float              # the share of the producers with a Γ
    coverage: float
    raw: float                  # R_raw = Σ S²·Γ
    no_production: bool         # no row has a share
    no_listed: bool             # only 'other countries' has a share

    @property
    def empty(self) -> bool:
        """Whether no listed producer has a share (no HHI, coverage or R)."""
        return self.no_production or self.no_listed


def _split_producers(res: Results, countries: list[str], q: np.ndarray, S: np.ndarray, y: int) -> _Producers:
    """The producers with a Γ of the year (or carried from an earlier one) and S²·Γ, and the rows with no term."""
    producers, rest = [], []
    carried, no_gamma, others_share = [], [], 0.0
    for country, qi, si in zip(countries, q, S):
        if country == "OTHERS" or not math.isfinite(si):
            if country == "OTHERS" and math.isfinite(si):
                others_share += si
            rest.append((country, qi, si, math.nan, None, math.nan))
            continue
        g, gy = _gamma_of(res, country, y)
        if math.isfinite(g):
            producers.append((country, qi, si, g, gy, si * si * g))
            if gy is not None and gy < y:
                carried.append(f"{country} {gy}")
        else:
            if si > 0:
                no_gamma.append(country)
            rest.append((country, qi, si, math.nan, None, math.nan))
    producers.sort(key=lambda r: (-r[5], -r[2], r[0]))
    rest.sort(key=lambda r: (r[0] == "OTHERS", not math.isfinite(r[2]), -(r[2] if math.isfinite(r[2]) else 0), r[0]))
    return _Producers(producers=producers, rest=rest, carried=carried, no_gamma=no_gamma, others_share=others_share)


def _risk_sums(split: _Producers, q: np.ndarray, S: np.ndarray, n_unit: int) -> _RiskSums:
    """Total, HHI of the listed producers, the share covered by a Γ, coverage and R_raw = Σ S²·Γ."""
    listed = [r for r in split.producers + split.rest if r[0] != "OTHERS" and math.isfinite(r[2])]
    total = float(np.nansum(q)) if len(q) else 0.0
    n_left = int((~np.isfinite(q)).sum()) - n_unit           # the table's quantity is empty for a row left out
    hhi = sum(r[2] ** 2 for r in listed)
    covered = sum(r[2] for r in split.producers)
    listed_sum = sum(r[2] for r in listed)
    no_production = not any(math.isfinite(si) for si in S)
    no_listed = not no_production and not listed
    empty = no_production or no_listed
    coverage = covered / listed_sum if not empty and listed_sum > 0 else (0.0 if not empty else math.nan)
    raw = math.nan if empty or covered <= 0 else math.fsum(r[5] for r in split.producers)
    return _RiskSums(total=total, n_listed=len(listed), n_left=n_left, n_unit=n_unit,
                     hhi=math.nan if empty else hhi, covered=covered, coverage=coverage, raw=raw,
                     no_production=no_production, no_listed=no_listed)


def _risk_steps(split: _Producers, r: _RiskSums, y: int) -> list[Message]:
    """The shares used, the rows left out, Γ carried or lacking, and HHI with coverage (before the min-max)."""
    steps: list[Message] = []
    if r.no_production:
        steps.append(msg("explain.r.no_production"))
    elif r.no_listed:
        steps.append(msg("explain.r.no_listed"))
    else:
        steps.append(msg("explain.r.shares", total=_fmt(r.total), n=r.n_listed))
        if split.others_share > 0:
            steps.append(msg("explain.r.others", share=_fmt(split.others_share)))
    if r.n_left:
        steps.append(msg("explain.r.left_out", n=r.n_left))
    if r.n_unit:
        steps.append(msg("explain.r.other_unit", n=r.n_unit))
    if split.carried:
        steps.append(msg("explain.r.carried", countries=Joined(tuple(split.carried))))
    if split.no_gamma and not r.empty:
        steps.append(msg("explain.r.no_gamma", year=y, countries=Joined(tuple(split.no_gamma))))
    if not r.empty:
        steps.append(msg("explain.r.hhi", hhi=_fmt(r.hhi), coverage=_fmt(r.coverage)))
        if r.covered <= 0:
            steps.append(msg("explain.r.no_gamma_all"))
    return steps


# -- thresholds ------------------------------------------------------------------------------------------

def _explain_threshold(res: Results, ds: Dataset, table: str, key: dict, frame: pd.DataFrame,
                       pos: int) -> Explanation:
    p = res.params
    metric = _text_at(frame, "metric", pos)
    method = _text_at(frame, "method", pos)
    tab, col = METRIC_TABLES.get(metric, ("", ""))
    values = res.tables[tab][col] if tab in res.tables else pd.Series(dtype=float)
    x = np.sort(pd.to_numeric(values, errors="coerce").to_numpy(dtype=float))
    x = x[np.isfinite(x)]
    n = len(x)
    kb = two_cluster_split(x).boundary_index
    if n == 0:
        lo = hi = math.nan
    elif kb >= n:                                   # every value equal: both centres are that value
        lo = hi = float(x[0])
    else:
        lo, hi = float(x[:kb].mean()), float(x[kb:].mean())
    kind, fixed = parse_threshold_method(method)
    thr = (lo + hi) / 2.0 if kind == "midpoint" else hi - lo if kind == "distance" \
        else float(fixed) if fixed is not None else math.nan

    steps: list[Message] = []
    if n == 0:
        steps.append(msg("explain.threshold.no_values", metric=metric))
    elif kb >= n:
        steps.append(msg("explain.threshold.all_equal", metric=metric, value=_fmt(lo)))
    else:
        steps.append(msg("explain.threshold.split", metric=metric, n=n, n_low=kb, n_high=n - kb,
                         low_max=_fmt(x[kb - 1]), high_min=_fmt(x[kb])))
        steps.append(msg("explain.threshold.centres", low=_fmt(lo), high=_fmt(hi)))
    if kind == "fixed":
        steps.append(msg("explain.threshold.fixed", method=method, value=_fmt(thr)))
        sub = f"threshold = {_fmt(thr)} ({method})"
    elif kind == "distance":
        steps.append(msg("explain.threshold.distance"))
        sub = f"threshold = {_fmt(hi)} − {_fmt(lo)} = {_fmt(thr)}"
    else:
        steps.append(msg("explain.threshold.midpoint"))
        sub = f"threshold = ({_fmt(lo)} + {_fmt(hi)}) / 2 = {_fmt(thr)}"
    split = 0 < kb < n
    split_rows = {"n_values": n, "n_low": kb if split else n, "n_high": n - kb if split else 0,
                  "low_max": float(x[kb - 1]) if split else math.nan, "high_min": float(x[kb]) if split else math.nan,
                  "low_centre": lo, "high_centre": hi, "method": method, "threshold": thr}
    own = {"D": ("d_threshold_method", p.d_threshold_method), "M": ("m_threshold_method", p.m_threshold_method),
           "R": ("r_threshold_method", p.r_threshold_method)}.get(metric)
    params: dict[str, object] = {"threshold_method": p.threshold_method}
    if metric == "D":
        params["d_threshold"] = p.d_threshold
    if own is not None:
        params[own[0]] = own[1] or ""
    params[f"threshold method {metric} (effective)"] = p.method_for(metric)
    formula = {"midpoint": "explain.formula.threshold_midpoint", "distance": "explain.formula.threshold_distance",
               "fixed": "explain.formula.threshold_fixed"}[kind]
    inputs = {"D": ["balance"], "M": ["prices"], "R": ["production", "governance"]}.get(metric, [])
    return Explanation(
        table=table, key=key, value=_clean(thr), metric="threshold", formula=Message(formula), substituted=sub,
        steps=steps, inputs=[InputTable(msg("explain.table.clusters"), ["name", "value"], _named(split_rows))],
        flags=[], parameters=_named(params), sources=_sources(ds, inputs))


# -- production shares, concentration, categories (briefly) ----------------------------------------------

def _explain_share(res: Results, ds: Dataset, table: str, key: dict, frame: pd.DataFrame,
                   pos: int) -> Explanation:
    m, s = (_text_at(frame, col, pos) for col in ("mineral", "stage"))
    y = int(frame["year"].iloc[pos])
    group = _rows(frame, ("mineral", "year", "stage"), (m, y, s))
    countries = list(_texts(frame, "country", group))
    q = _numbers(frame, "quantity", group)
    total = float(np.nansum(q))
    qi = float(_numbers(frame, "quantity", np.array([pos]))[0])
    share = qi / total if math.isfinite(qi) and total > 0 else math.nan
    n_valid = int(np.isfinite(q).sum())
    steps = [msg("explain.share.total", total=_fmt(total), n=n_valid)]
    if not math.isfinite(share):
        steps.append(msg("explain.share.no_share"))
    sub = f"S = {_fmt(qi)} / {_fmt(total)} = {_fmt(share)}" if math.isfinite(share) else f"S = {_EMPTY}"
    rows = sorted(((cc, qq, qq / total if math.isfinite(qq) and total > 0 else math.nan)
                   for cc, qq in zip(countries, q)),
                  key=lambda r: (not math.isfinite(r[1]), -(r[1] if math.isfinite(r[1]) else 0), r[0]))
    return Explanation(
        table=table, key=key, value=_clean(share), metric="share", formula=msg("explain.formula.share"),
        substituted=sub, steps=steps,
        inputs=[InputTable(msg("explain.table.group"), ["country", "quantity", "share"], rows),
                _values_table({"quantity": qi, "total": total, "share": share})],
        flags=_flags(frame, pos), parameters=[], sources=_sources(ds, ["production"]))


def _explain_concentration(res: Results, ds: Dataset, table: str, key: dict, frame: pd.DataFrame,
                           pos: int) -> Explanation:
    m, basis, s = (_text_at(frame, col, pos) for col in ("mineral", "basis", "stage"))
    y = int(frame["year"].iloc[pos])
    k = int(frame["k"].iloc[pos]) if "k" in frame else 3
    # production: the core's shares table (its usable quantities); reserves, or production outside the
    # shares table's years: the dataset's usable cells, WORLD left out
    shares = res.tables.get("production_shares")
    group = _rows(shares, ("mineral", "year", "stage"), (m, y, s)) if basis == "production" else _NONE
    source = "reserves" if basis == "reserves" else "production"
    if len(group):
        countries, q = list(_texts(shares, "country", group)), _numbers(shares, "quantity", group)
    else:
        tab = ds.get(source)
        col, cols, where = ("reserves", ("mineral", "year"), (m, y)) if source == "reserves" \
            else ("quantity", ("mineral", "year", "stage"), (m, y, s))
        g = _rows(tab, cols, where)
        countries, q, st = list(_texts(tab, "country", g)), _numbers(tab, col, g), _states(tab, col, g)
        ok = np.isfinite(q) & np.isin(st, _USABLE) & ((q >= 0) if source == "production" else True)
        keep = [i for i, cc in enumerate(countries) if cc != "WORLD"]
        countries, q = [countries[i] for i in keep], np.where(ok, q, np.nan)[keep]
    total = float(np.nansum(q)) if len(q) else 0.0
    ranked = sorted(((cc, float(qq)) for cc, qq in zip(countries, q)
                     if cc not in _AGGREGATES and math.isfinite(qq) and qq > 0), key=lambda r: (-r[1], r[0]))
    ok = total > 0
    top1 = ranked[0][1] / total if ok and ranked else math.nan
    topk = sum(r[1] for r in ranked[:k]) / total if ok and ranked else math.nan
    steps: list[Message] = []
    if not ok:
        steps.append(msg("explain.conc.no_production"))
    else:
        steps.append(msg("explain.conc.ranked", n=len(ranked), total=_fmt(total)))
        if ranked:
            steps.append(msg("explain.conc.top", country=ranked[0][0], share=_fmt(top1), k=k,
                             countries=Joined(tuple(r[0] for r in ranked[:k])), topk=_fmt(topk)))
        if len(ranked) < k:
            steps.append(msg("explain.conc.fewer", k=k))
    if ok and ranked:
        parts = " + ".join(_fmt(r[1]) for r in ranked[:k])
        sub = (f"top1 = {_fmt(ranked[0][1])} / {_fmt(total)} = {_fmt(top1)}; "
               f"top{k} = ({parts}) / {_fmt(total)} = {_fmt(topk)}")
    else:
        sub = f"top1 = {_EMPTY}, top{k} = {_EMPTY}"
    rows = [(i + 1, cc, qq, qq / total) for i, (cc, qq) in enumerate(ranked)]
    values = {"total": total, "top1_share": top1, "k": k, "topk_share": topk}
    top_n = _extended_parameter(res, "top_n")
    return Explanation(
        table=table, key=key, value=_clean(top1), metric="concentration", formula=msg("explain.formula.concentration"),
        substituted=sub, steps=steps,
        inputs=[InputTable(msg("explain.table.ranking"), ["rank", "country", "quantity", "share"], rows),
                _values_table(values)],
        flags=_flags(frame, pos), parameters=_named({"top_n": top_n if top_n is not None else k}),
        sources=_sources(ds, [source]))


_CATEGORY_DEFAULTS = {"d_high": 0.5, "r_high": 0.29, "domestic_production_high": 0.2, "domestic_reserves_high": 0.2,
                      "domestic_production_low": 0.02}


def _explain_category(res: Results, ds: Dataset, table: str, key: dict, frame: pd.DataFrame,
                      pos: int) -> Explanation:
    th = {}
    for name, default in _CATEGORY_DEFAULTS.items():
        value = _extended_parameter(res, name)
        try:
            th[name] = float(value) if value is not None else default
        except (TypeError, ValueError):
            th[name] = default
    D, R, sP, sR = (float(_numbers(frame, col, np.array([pos]))[0])
                    for col in ("D", "R", "production_share", "reserves_share"))
    dh, rg, ph, rh = th["d_high"], th["r_high"], th["domestic_production_high"], th["domestic_reserves_high"]
    has_d = math.isfinite(D)
    big_p = (sP if math.isfinite(sP) else 0.0) >= ph
    big_r = sR >= rh if math.isfinite(sR) else True
    no = 0
    if has_d and big_p and big_r and dh > D:
        no = 1
    elif has_d and dh > D:
        no = 2
    elif has_d and math.isfinite(R):
        no = 3 if rg > R else 4
    names = {1: "domestic_advantage", 2: "low_risk", 3: "dependent_diversified", 4: "dependent_high_risk"}
    label = Message(f"explain.category.{names[no]}") if no else None
    f = {"d": _fmt(D), "r": _fmt(R), "sp": _fmt(sP), "sr": _fmt(sR), "dh": _fmt(dh), "rg": _fmt(rg),
         "ph": _fmt(ph), "rh": _fmt(rh)}
    if no == 1:
        step = msg("explain.category.rule1", label=label, **{k: f[k] for k in ("sp", "ph", "sr", "rh", "d", "dh")})
    elif no == 2:
        step = msg("explain.category.rule2", label=label, d=f["d"], dh=f["dh"])
    elif no in (3, 4):
        step = msg(f"explain.category.rule{no}", label=label, d=f["d"], dh=f["dh"], r=f["r"], rg=f["rg"])
    elif not has_d:
        step = msg("explain.category.no_d")
    else:
        step = msg("explain.category.no_r", d=f["d"], dh=f["dh"])
    category = names.get(no, "")
    sub = (f"D = {f['d']}, R = {f['r']}, production_share = {f['sp']}, reserves_share = {f['sr']} → "
           f"{no} {category}".rstrip())
    values = {"D": D, "R": R, "production_share": sP, "reserves_share": sR, "category_no": no, "category": category}
    return Explanation(
        table=table, key=key, value=float(no), metric="category",
        formula=msg("explain.formula.category", dh=f["dh"], rg=f["rg"], ph=f["ph"], rh=f["rh"]),
        substituted=sub, steps=[step],
        inputs=[InputTable(msg("explain.table.category"), ["name", "value"], _named(values))],
        flags=_flags(frame, pos), parameters=list(th.items()),
        sources=_sources(ds, ["balance", "production", "reserves", "governance"]))


def _extended_parameter(res: Results, name: str):
    frame = res.tables.get("extended_parameters")
    if frame is None or "name" not in frame:
        return None
    hit = frame.loc[frame["name"] == name, "value"]
    return hit.iloc[0] if len(hit) else None


def _from_table(res, table, key, frame, pos, metric, col, inputs, ds) -> Explanation:
    """The row's own number when its inputs cannot be found again (the dataset is not the one computed)."""
    value = float(_numbers(frame, col, np.array([pos]))[0])
    return Explanation(table=table, key=key, value=_clean(value), metric=metric,
                       formula=Message(f"explain.formula.{metric}"),
                       substituted=f"{metric} = {_fmt(value)}", steps=[msg("explain.inputs_not_found")],
                       flags=_flags(frame, pos), sources=_sources(ds, inputs))


_EXPLAINERS = {
    "import_dependency": _explain_dependency,
    "market_dynamics": _explain_market,
    "governance": _explain_gamma,
    "supply_risk": _explain_risk,
    "thresholds": _explain_threshold,
    "production_shares": _explain_share,
    "concentration": _explain_concentration,
    "supply_categories": _explain_category,
}
_KEYS = {
    "import_dependency": ("mineral", "country", "year", "stage"),
    "market_dynamics": ("mineral", "year"),
    "governance": ("country", "year"),
    "supply_risk": ("mineral", "year", "stage"),
    "thresholds": ("metric",),
    "production_shares": ("mineral", "year", "stage", "country"),
    "concentration": ("mineral", "year", "basis", "stage"),
    "supply_categories": ("mineral", "country", "year", "stage"),
}
SUPPORTED_TABLES = tuple(_EXPLAINERS)


# -- name/value tables, min-max, flags, sources -----------------------------------------------------------

def _named(values: dict) -> list[tuple[str, object]]:
    """(name, value) rows in the dict's order."""
    return list(values.items())


def _values_table(values: dict) -> InputTable:
    return InputTable(msg("explain.table.values"), ["name", "value"], _named(values))


def _finite_range(frame: pd.DataFrame, col: str) -> tuple[float, float]:
    def build():
        v = pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float)
        v = v[np.isfinite(v)]
        return (float(v.min()), float(v.max())) if len(v) else (math.nan, math.nan)
    return _cached(frame, ("range", col), build)


def _minmax(raw: float, lo: float, hi: float) -> tuple[float, bool]:
    """(scaled value, every value of the analysis equal) as the engine's min-max."""
    if not math.isfinite(raw) or not math.isfinite(lo):
        return math.nan, False
    if hi <= lo:
        return 0.0, True
    if raw == lo:
        return 0.0, False
    if raw == hi:
        return 1.0, False
    return min(max((raw - lo) / (hi - lo), 0.0), 1.0), False


def _minmax_step(metric: str, raw_name: str, raw: float, lo: float, hi: float, constant: bool) -> Message:
    if not math.isfinite(raw):
        return msg("explain.minmax_empty", metric=metric, metric_raw=raw_name)
    if constant:
        return msg("explain.minmax_constant", metric=metric, metric_raw=raw_name, lo=_fmt(lo))
    return msg("explain.minmax", metric=metric, metric_raw=raw_name, lo=_fmt(lo), hi=_fmt(hi))


def _minmax_sub(metric: str, raw: float, lo: float, hi: float, value: float, constant: bool) -> str:
    if constant:
        return f"max = min = {_fmt(lo)} → {metric} = 0"
    return f"{metric} = ({_fmt(raw)} − {_fmt(lo)}) / ({_fmt(hi)} − {_fmt(lo)}) = {_fmt(value)}"


def _flags(frame: pd.DataFrame, pos: int) -> list[Message]:
    """One catalogue sentence per flag of the row's ';'-joined ``flag`` cell (``params['flag']``: the flag)."""
    if "flag" not in frame:
        return []
    cell = frame["flag"].iloc[pos]
    if not isinstance(cell, str):
        return []
    out = []
    for flag in (f.strip() for f in cell.split(";")):
        if not flag:
            continue
        code, detail = flag_code(flag)
        if code in CATALOGUE:
            # the parameters messages.flag_text gives the sentence ('mixed_units:t|kg' → 't, kg')
            out.append(Message(code, {"detail": Joined(tuple(detail.split("|"))), "flag": flag}))
        else:
            out.append(msg("explain.unknown_flag", flag=flag))
    return out


def _sources(ds: Dataset, tables: list[str]) -> list[dict]:
    """The dataset's sources that supplied each input table, one dict per (table, source): table, file,
    format, imported_at and the years of that table the source supplies (a source that does not say
    which tables it supplied counts for every table)."""
    out = []
    for table in tables:
        if table not in ds:
            continue
        for src in ds.sources:
            rows, years = src.get("rows") or {}, src.get("years") or {}
            if ("rows" in src or "years" in src) and not (rows.get(table) or table in years):
                continue
            out.append({"table": table, "file": str(src.get("file") or ""), "format": str(src.get("format") or ""),
                        "imported_at": str(src.get("imported_at") or ""), "years": str(years.get(table) or "")})
    return out


# -- looking rows up ---------------------------------------------------------------------------------------

_CACHE: dict[tuple, tuple] = {}
_NONE = np.zeros(0, dtype=np.int64)


def _cached(frame: pd.DataFrame, what: tuple, build):
    """``build()`` once per frame (by identity and length) and ``what``; dropped with the frame."""
    k = (id(frame), what)
    hit = _CACHE.get(k)
    if hit is not None and hit[0]() is frame and hit[1] == len(frame):
        return hit[2]
    value = build()
    def forget(_ref: weakref.ref) -> None:
        _CACHE.pop(k, None)

    try:
        ref = weakref.ref(frame, forget)
    except TypeError:
        return value
    _CACHE[k] = (ref, len(frame), value)
    return value


def _key_value(col: str, value) -> object:
    if col == "year":
        try:
            return float(value)
        except (TypeError, ValueError):
            return math.nan
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _key_column(frame: pd.DataFrame, col: str) -> np.ndarray:
    if col == "year":
        return pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float) if col in frame \
            else np.full(len(frame), math.nan)
    return text_column(frame, col).astype(str).to_numpy(dtype=object)


def _rows(frame: pd.DataFrame, cols: tuple[str, ...], values: tuple) -> np.ndarray:
    """Positions (ascending) of the rows whose ``cols`` equal ``values`` (text compared as text)."""
    if frame is None or len(frame) == 0:
        return _NONE
    want = tuple(_key_value(c, v) for c, v in zip(cols, values))
    if len(frame) > _BIG:
        sel = np.ones(len(frame), dtype=bool)
        for c, v in zip(cols, want):
            sel &= _key_column(frame, c) == v
        return np.flatnonzero(sel)

    def build() -> dict:
        parts = pd.DataFrame({i: _key_column(frame, c) for i, c in enumerate(cols)})
        groups = parts.groupby(list(range(len(cols))), sort=False, dropna=False).indices
        return {(k if isinstance(k, tuple) else (k,)): np.asarray(v, dtype=np.int64) for k, v in groups.items()}

    return _cached(frame, ("rows",) + cols, build).get(want, _NONE)


def _find(frame: pd.DataFrame, key: dict, cols: tuple[str, ...]) -> int | None:
    """The position of the first row with ``key`` (its entries among ``cols``; the others are ignored)."""
    given = tuple(c for c in cols if c in key)
    if not given:
        return 0 if len(frame) else None
    try:
        hits = _rows(frame, given, tuple(key[c] for c in given))
    except KeyError:
        return None
    return int(hits[0]) if len(hits) else None


def _take(frame: pd.DataFrame, col: str, positions: np.ndarray) -> np.ndarray:
    """The cells of ``col`` at ``positions`` as an object array (no pandas indexing machinery)."""
    return np.asarray(frame[col].array[positions], dtype=object)


def _numbers(frame: pd.DataFrame, col: str, positions: np.ndarray) -> np.ndarray:
    if frame is None or col not in frame or len(positions) == 0:
        return np.full(len(positions), math.nan)
    column = frame[col]
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "fiub":
        return column.to_numpy()[positions].astype(float)          # a view of the column, then the few cells
    return pd.to_numeric(pd.Series(_take(frame, col, positions)), errors="coerce").to_numpy(dtype=float,
                                                                                          na_value=np.nan)


def _texts(frame: pd.DataFrame, col: str, positions: np.ndarray) -> np.ndarray:
    """Text cells at ``positions`` ('' for missing), as the engine's ``text_column``."""
    if frame is None or col not in frame or len(positions) == 0:
        return np.full(len(positions), "", dtype=object)
    cells = _take(frame, col, positions)
    return np.array(["" if c is None or (not isinstance(c, str) and pd.isna(c)) else str(c) for c in cells],
                    dtype=object)


def _states(frame: pd.DataFrame, col: str, positions: np.ndarray) -> np.ndarray:
    return _texts(frame, f"{col}_state", positions)


def _text_at(frame: pd.DataFrame, col: str, pos: int) -> str:
    if col not in frame:
        return ""
    v = frame[col].iloc[pos]
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def _clean(x) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return math.nan
    return v if math.isfinite(v) else math.nan


def _fmt(x) -> str:
    """A number as text: '3 660 000', '0.8299', '1.2346' (4 significant digits below 1); '–' for none."""
    if x is None:
        return _EMPTY
    if isinstance(x, (bool, np.bool_)):
        return str(bool(x))
    if isinstance(x, str):
        return x
    if isinstance(x, (int, np.integer)):
        return _grouped(str(int(x)))
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    if not math.isfinite(v):
        return _EMPTY
    if v == int(v) and abs(v) < 1e15:
        return _grouped(str(int(v)))
    if abs(v) >= 1:
        return _grouped(f"{v:.4f}".rstrip("0").rstrip("."))
    return f"{v:.4g}"


def _grouped(s: str) -> str:
    """Thousands separated by spaces from five digits on ('3 660 000', '5280')."""
    sign, s = ("-", s[1:]) if s.startswith("-") else ("", s)
    whole, dot, frac = s.partition(".")
    if len(whole) > 4:
        whole = " ".join(whole[max(i - 3, 0): i] for i in range(len(whole), 0, -3)[::-1])
    return sign + whole + dot + frac
