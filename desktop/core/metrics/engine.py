"""The metric engine: every core indicator the data allow, thresholds and trends.

``run(dataset, params)`` returns :class:`Results` with tables

* ``import_dependency``  (balance)                    — :mod:`.dependency`
* ``market_dynamics``    (prices)                     — :mod:`.market`
* ``governance``         (governance)                 — :mod:`.governance`
* ``production_shares`` and ``supply_risk`` (production; R needs governance) — :mod:`.supply_risk`
* ``thresholds`` (D, M, R) and ``trends`` (per metric)
* plus the extended tables of :func:`desktop.core.metrics.extended.run_extended` when that module exists;
* with a ``trade`` table (bilateral trade by HS code): ``trade_content`` (the HS codes, gross tonnes, factors
  and content tonnes behind each country's imports and exports, :mod:`.trade_content`), and for the
  assessed country ``import_sources``, ``import_concentration``, ``import_partner_counts`` and, with the
  publisher's ``usgs_nir``, ``import_sources_usgs`` (:mod:`.import_sources`; also from ``trade_flows`` alone).  These come last, so that the earlier tables
  keep their places in the results workbook.

Trade by HS code is converted to the production's basis before anything else: the balance rows it gives
join the dataset's balance (:func:`.trade_content.with_trade_balance`), so D, the what-if and every table
reading D see the same imports and exports.

An indicator whose inputs are absent is skipped with a note in ``problems``.
"""
from __future__ import annotations

import importlib
import inspect
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from desktop.core.dataset import Dataset
from desktop.core.messages import msg
from desktop.core.metrics._common import CancelCheck, Progress, check, report
from desktop.core.metrics.dependency import compute_dependency
from desktop.core.metrics.governance import compute_gamma
from desktop.core.metrics.import_sources import ImportSourceParams, compute_import_sources
from desktop.core.metrics.market import compute_market
from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.supply_risk import supply_tables
from desktop.core.metrics.thresholds import compute_thresholds
from desktop.core.metrics.trade_content import with_trade_balance
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


def run(dataset: Dataset, params: EngineParams | None = None, *, progress: Progress = None,
        cancelled: CancelCheck = None) -> Results:
    params = params or EngineParams()
    res = Results(params=params, provenance=[dict(s) for s in dataset.sources])
    t = res.tables
    report(progress, 0.0, "Starting")
    check(cancelled)
    # trade by HS code in the production's basis: the balance rows it gives join the balance (every
    # indicator reading the balance sees them; explain() rebuilds them the same way)
    dataset, trade = with_trade_balance(dataset, params.country)
    check(cancelled)

    # Two threads: numpy/pandas release the GIL in their kernels.  The second thread (``pool``)
    # computes D and M with their trends, then the production-shares table (from the supply tables'
    # preparation), then the extended indicators' dataset-only inputs, then the extended indicators
    # the extended module queues on it; this thread computes Γ, R and the rest.  Tables are stored and
    # problems appended in the fixed order below, so the results do not depend on timing.
    report(progress, 0.05, "Import dependency and market dynamics")
    extended = _extended_module()
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        # the trends of D and M need only their own threshold (one metric's threshold does not depend on
        # the others): classified on the second thread too, right after their table
        f_dep = pool.submit(_with_trend, partial(compute_dependency, production=dataset.get("production")),
                            dataset.get("balance"), "D", params) if "balance" in dataset else None
        f_mkt = pool.submit(_with_trend, compute_market, dataset.get("prices"), "M", params) \
            if "prices" in dataset else None
        gamma = None
        if "governance" in dataset:
            report(progress, 0.25, "Governance (WGI)")
            gamma = compute_gamma(dataset.get("governance"), params)
        check(cancelled)
        shares = risk = None
        if "production" in dataset:
            report(progress, 0.35, "Production shares and supply risk")
            shares, risk = supply_tables(dataset.get("production"), gamma, params, cancelled=cancelled,
                                         submit=pool.submit)
        # the extended indicators' inputs that need the dataset alone, queued behind the shares table
        f_prep = _prepare_extended(extended, dataset, params, pool)
        dep, dep_trend = f_dep.result() if f_dep is not None else (None, None)
        mkt, mkt_trend = f_mkt.result() if f_mkt is not None else (None, None)
        early_trends = {"D": dep_trend, "M": mkt_trend}
        _store_core(res, dep, mkt, gamma, shares, risk, cancelled)

        report(progress, 0.75, "Thresholds")
        values = {m: t[tab][col] for m, (tab, col) in METRIC_TABLES.items() if tab in t}
        t["thresholds"] = compute_thresholds(values, params)
        check(cancelled)

        report(progress, 0.8, "Trends")
        t["trends"] = _trends(t, params, early_trends, cancelled)
        check(cancelled)

        report(progress, 0.9, "Extended indicators")
        _run_extended(extended, dataset, res, f_prep, pool)
        check(cancelled)
        _store_trade(res, dataset, trade)
    finally:
        # on an error or a cancellation, queued work is dropped instead of waited for
        pool.shutdown(wait=True, cancel_futures=True)
    check(cancelled)
    report(progress, 1.0, "Done")
    return res


def _store_core(res: Results, dep, mkt, gamma, shares, risk, cancelled) -> None:
    """The core tables into ``res`` in their fixed order, with a problem note for each one missing."""
    t, params = res.tables, res.params
    if dep is not None:
        t["import_dependency"] = dep
        res.problems.extend(dep.attrs.get("problems", []))
        if params.country and len(t["import_dependency"]) == 0:
            res.problems.append(msg("metrics.no_balance_for_country", country=params.country))
    else:
        res.problems.append(msg("metrics.no_dependency"))
    check(cancelled)

    if mkt is not None:
        t["market_dynamics"] = mkt
    else:
        res.problems.append(msg("metrics.no_market"))
    check(cancelled)

    if gamma is not None:
        t["governance"] = gamma
    else:
        res.problems.append(msg("metrics.no_governance"))
    check(cancelled)

    if shares is not None:
        t["production_shares"] = shares
        t["supply_risk"] = risk
        if "governance" not in t:
            res.problems.append(msg("metrics.hhi_only"))
        elif len(risk) and risk["flag"].str.contains("missing_governance", regex=False).any():
            k = int(risk["flag"].str.contains("missing_governance", regex=False).sum())
            res.problems.append(msg("metrics.groups_missing_governance", n=k))
    else:
        res.problems.append(msg("metrics.no_supply_risk"))
    check(cancelled)


def _store_trade(res: Results, dataset: Dataset, trade) -> None:
    """The trade conversion's table and the import sources, after every other table (their sheets come
    last); their notes after the others."""
    params = res.params
    years = params.year_range()
    if trade is not None:
        table = trade.table
        if years is not None and len(table):
            table = table[table["year"].between(*years)].reset_index(drop=True)
        res.tables["trade_content"] = table
        res.problems.extend(trade.notes)
    # the import-source parameters: EngineParams.import_sources when a caller sets one, else the defaults
    isp = getattr(params, "import_sources", None) or ImportSourceParams()
    tables, notes = compute_import_sources(trade, dataset.tables, res.tables, params.country, isp, years)
    for name, frame in tables.items():
        res.tables[name] = frame
    res.problems.extend(notes)


def _trends(t: dict, params: EngineParams, early: dict, cancelled) -> pd.DataFrame:
    """The trends table of every metric present (D and M classified already on the second thread)."""
    thr = dict(zip(t["thresholds"]["metric"], t["thresholds"]["threshold"]))
    parts = []
    for metric, (tab, col) in METRIC_TABLES.items():
        if tab not in t:
            continue
        check(cancelled)
        tr = early.get(metric)
        if tr is None:
            tr = classify_trends(t[tab], col, thr.get(metric), params)
        tr.insert(0, "metric", metric)
        tr["threshold"] = thr.get(metric, np.nan)
        parts.append(tr)
    # all-NA columns (a metric without a threshold) are left to reindex: pandas no longer lets them decide dtypes
    parts = [p.dropna(axis=1, how="all") for p in parts if len(p)]
    out = (pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()).reindex(columns=TREND_COLUMNS)
    for col in ("country", "stage"):
        out[col] = out[col].astype(object).where(out[col].notna(), "")
    return out


def _with_trend(compute, table: pd.DataFrame, metric: str, params: EngineParams):
    """(compute(table, params), its trends table with the metric's own threshold) or (None, None)."""
    frame = compute(table, params)
    if frame is None:
        return None, None
    col = METRIC_TABLES[metric][1]
    thr = compute_thresholds({metric: frame[col]}, params)
    trend = classify_trends(frame, col, dict(zip(thr["metric"], thr["threshold"])).get(metric), params)
    return frame, trend


def _prepare_extended(module, dataset: Dataset, params: EngineParams, pool) -> list | None:
    """The futures of the extended module's dataset-only inputs, queued on ``pool``: the production
    context first (``run_extended`` needs it first), then the trade flows and WGI means."""
    if module is None or not hasattr(module, "prepare_context"):
        return None
    return [pool.submit(module.prepare_context, dataset, params),
            pool.submit(module.prepare_trade_and_governance, dataset)]


def _extended_module():
    """desktop.core.metrics.extended, or None when it is not there."""
    try:
        return importlib.import_module("desktop.core.metrics.extended")
    except ModuleNotFoundError as err:
        if err.name not in ("desktop.core.metrics.extended",):
            raise
        return None


def _run_extended(module, dataset: Dataset, res: Results, prepared=None, pool=None) -> None:
    """The extended tables into ``res``; ``prepared``: the futures of :func:`_prepare_extended`;
    ``pool``: the engine's second thread, for the module to queue work on."""
    fn = getattr(module, "run_extended", None) if module is not None else None
    if fn is None:
        return
    accepted = inspect.signature(fn).parameters
    extra = fn(dataset, dict(res.tables), res.params,
               **{k: v for k, v in (("prepared", prepared), ("pool", pool)) if k in accepted and v is not None})
    for name, frame in (extra or {}).items():
        if name in res.tables:
            res.problems.append(msg("metrics.extended_name_clash", name=name))
            name = f"ext_{name}"
        res.tables[name] = frame
