"""The metric engine: every core indicator the data allow, thresholds and trends.

``run(dataset, params)`` returns :class:`Results` with tables

* ``import_dependency``  (balance)                    — :mod:`.dependency`
* ``market_dynamics``    (prices)                     — :mod:`.market`
* ``governance``         (governance)                 — :mod:`.governance`
* ``production_shares`` and ``supply_risk`` (production; R needs governance) — :mod:`.supply_risk`
* ``thresholds`` (D, M, R) and ``trends`` (per metric)
* plus the extended tables of :func:`desktop.core.metrics.extended.run_extended`;
* with a ``trade`` table (bilateral trade by HS code): ``trade_content`` (the HS codes, gross tonnes, factors
  and content tonnes behind each country's imports and exports, :mod:`.trade_content`), and for the
  assessed country ``import_sources``, ``import_concentration``, ``import_partner_counts`` and, with the
  publisher's ``usgs_nir``, ``import_sources_usgs`` (:mod:`.import_sources`; also from ``trade_flows``
  alone).  These come last, so that the earlier tables keep their places in the results workbook.

Trade by HS code is converted to the production's basis before anything else: the balance rows it gives
join the dataset's balance (:func:`.trade_content.with_trade_balance`), so D, the what-if and every table
reading D see the same imports and exports.

An indicator whose inputs are absent is skipped with a note in ``problems``.

The run is a plain list of steps (:data:`STEPS`), one after the other, with a progress report and a
cancellation check between them.  Concurrency is the caller's: the GUI runs the whole engine on its one
worker (DESIGN.md §2–3), the command line in the foreground.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.core.dataset import Dataset
from desktop.core.messages import msg
from desktop.core.metrics.dependency import compute_dependency
from desktop.core.metrics.extended import run_extended
from desktop.core.metrics.governance import compute_gamma
from desktop.core.metrics.import_sources import ImportSourceParams, compute_import_sources
from desktop.core.metrics.market import compute_market
from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.progress import CancelCheck, Progress, check, report
from desktop.core.metrics.supply_risk import (
    ProductionRows, producer_rows, risk_table, shares_table,
)
from desktop.core.metrics.thresholds import compute_thresholds
from desktop.core.metrics.trade_content import TradeContent, with_trade_balance
from desktop.core.metrics.trends import classify_trends

# metric -> (table, value column)
METRIC_TABLES = {"D": ("import_dependency", "D"), "M": ("market_dynamics", "M"), "R": ("supply_risk", "R")}
TREND_COLUMNS = ["metric", "mineral", "country", "stage", "first_year", "last_year", "n", "slope",
                 "threshold", "trend", "persistently", "explanation"]


@dataclass
class Results:
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    params: EngineParams = field(default_factory=EngineParams)
    provenance: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)     # Messages: English text, .text("zh") in Chinese


@dataclass
class _Run:
    """What the steps share: the inputs, the parameters and the results so far."""
    dataset: Dataset
    params: EngineParams
    results: Results
    trade: TradeContent | None = None
    rows: ProductionRows | None = None   # the coded production rows of the analysis

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return self.results.tables

    def note(self, *problems) -> None:
        self.results.problems.extend(problems)


def run(dataset: Dataset, params: EngineParams | None = None, *, progress: Progress = None,
        cancelled: CancelCheck = None) -> Results:
    """Every indicator the data allow, step by step (:data:`STEPS`).

    Parameters
    ----------
    dataset : Dataset
        The canonical input tables (:mod:`desktop.core.dataset`).
    params : EngineParams, optional
        The parameters of every formula; the defaults when None.
    progress : callable(fraction, text), optional
        Told before each step.
    cancelled : callable() -> bool, optional
        Asked between steps; True raises :class:`desktop.core.errors.Cancelled`.

    Returns
    -------
    Results
        The tables in a fixed order, the parameters, the provenance of the inputs and the problems.
    """
    params = params or EngineParams()
    state = _Run(dataset=dataset, params=params, results=Results(params=params,
                                                                 provenance=[dict(s) for s in dataset.sources]))
    for at, (text, step) in enumerate(STEPS):
        check(cancelled)
        report(progress, at / len(STEPS), text)
        step(state)
    check(cancelled)
    report(progress, 1.0, "Done")
    return state.results


def _trade_balance(run: _Run) -> None:
    """Trade by HS code in the production's basis: the balance rows it gives join the balance (every
    indicator reading the balance sees them; explain() rebuilds them the same way)."""
    run.dataset, run.trade = with_trade_balance(run.dataset, run.params.country)


def _dependency(run: _Run) -> None:
    if "balance" not in run.dataset:
        run.note(msg("metrics.no_dependency"))
        return
    table = compute_dependency(run.dataset.get("balance"), run.params, production=run.dataset.get("production"))
    run.tables["import_dependency"] = table
    run.note(*table.attrs.get("problems", []))
    if run.params.country and len(table) == 0:
        run.note(msg("metrics.no_balance_for_country", country=run.params.country))


def _market(run: _Run) -> None:
    if "prices" in run.dataset:
        run.tables["market_dynamics"] = compute_market(run.dataset.get("prices"), run.params)
    else:
        run.note(msg("metrics.no_market"))


def _governance(run: _Run) -> None:
    if "governance" in run.dataset:
        run.tables["governance"] = compute_gamma(run.dataset.get("governance"), run.params)
    else:
        run.note(msg("metrics.no_governance"))


def _supply_risk(run: _Run) -> None:
    if "production" not in run.dataset:
        run.note(msg("metrics.no_supply_risk"))
        return
    production = run.dataset.get("production")
    run.rows = producer_rows(production, run.params)
    gamma = run.tables.get("governance")
    run.tables["production_shares"] = shares_table(run.rows)
    run.tables["supply_risk"] = risk_table(run.rows, gamma)
    risk = run.tables["supply_risk"]
    if gamma is None:
        run.note(msg("metrics.hhi_only"))
    elif len(risk):
        missing = risk["flag"].str.contains("missing_governance", regex=False)
        if missing.any():
            run.note(msg("metrics.groups_missing_governance", n=int(missing.sum())))


def _thresholds(run: _Run) -> None:
    values = {m: run.tables[tab][col] for m, (tab, col) in METRIC_TABLES.items() if tab in run.tables}
    run.tables["thresholds"] = compute_thresholds(values, run.params)


def _trends(run: _Run) -> None:
    """The trends table of every metric present, each classified against its threshold."""
    t = run.tables
    thr = dict(zip(t["thresholds"]["metric"], t["thresholds"]["threshold"]))
    parts = []
    for metric, (tab, col) in METRIC_TABLES.items():
        if tab not in t:
            continue
        tr = classify_trends(t[tab], col, thr.get(metric), run.params)
        tr.insert(0, "metric", metric)
        tr["threshold"] = thr.get(metric, np.nan)
        parts.append(tr)
    # all-NA columns (a metric without a threshold) are left to reindex: pandas no longer lets them decide dtypes
    parts = [p.dropna(axis=1, how="all") for p in parts if len(p)]
    out = (pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()).reindex(columns=TREND_COLUMNS)
    for c in ("country", "stage"):
        out[c] = out[c].astype(object).where(out[c].notna(), "")
    t["trends"] = out


def _extended(run: _Run) -> None:
    """The extended tables (a name the core uses already is kept apart as ``ext_<name>``)."""
    every_year = run.params.year_range() is None
    extra = run_extended(run.dataset, dict(run.tables), run.params, rows=run.rows if every_year else None)
    for name, frame in extra.items():
        if name in run.tables:
            run.note(msg("metrics.extended_name_clash", name=name))
            name = f"ext_{name}"
        run.tables[name] = frame


def _trade(run: _Run) -> None:
    """The trade conversion's table and the import sources, after every other table (their sheets come
    last); their notes after the others."""
    params = run.params
    years = params.year_range()
    if run.trade is not None:
        table = run.trade.table
        if years is not None and len(table):
            table = table[table["year"].between(*years)].reset_index(drop=True)
        run.tables["trade_content"] = table
        run.note(*run.trade.notes)
    # the import-source parameters: EngineParams.import_sources when a caller sets one, else the defaults
    isp = getattr(params, "import_sources", None) or ImportSourceParams()
    tables, notes = compute_import_sources(run.trade, run.dataset.tables, run.tables, params.country, isp, years)
    run.tables.update(tables)
    run.note(*notes)


# (progress text, step): the order of the tables in the results (and in the results workbook)
STEPS: list[tuple[str, Callable[[_Run], None]]] = [
    ("Trade in the production's basis", _trade_balance),
    ("Import dependency", _dependency),
    ("Market dynamics", _market),
    ("Governance (WGI)", _governance),
    ("Production shares and supply risk", _supply_risk),
    ("Thresholds", _thresholds),
    ("Trends", _trends),
    ("Extended indicators", _extended),
    ("Trade and import sources", _trade),
]
