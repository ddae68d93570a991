"""Apply a scenario to a dataset, run the engine on it, and compare its results with the baseline.

The scenario's production and exports changes are turned into the what-if shocks of
:mod:`desktop.core.metrics.extended.whatif` (METHODS §3), whose ``apply_shocks`` changes the production
and balance tables; the engine then runs on the changed copy as on any dataset, so every indicator —
shares, HHI, R, D, the categories, the matrix — follows from the same code as the baseline.  Demand
changes set the demand multipliers (and target year) of the extended parameters.  Event changes add their
policy events to the ``events`` table, which the risk matrix and the alerts read.

Two choices a reader of the comparison needs:

* the world market shares describe the supply open to the world market: an export ban removes the
  country from them (as in whatif.py), its own production still serves itself (its own D);
* an export change that names partners (a ban or quota to some importers only) cuts, with the
  ``trade_flows``, those importers' imports from the exporter and the exporter's exports by the same
  tonnes; the world market shares are unchanged (the exporter still sells to the other partners) and
  so are the other importers' D;
* R is min-max rescaled over the analysis; a scenario changes that range, so :func:`compare` rescales the
  scenario's R_raw with the *baseline's* min and max — the other minerals keep their R and the delta is
  the change of the mineral's own risk (a value outside 0..1 is kept: it left the baseline's range).
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from desktop.core.registry import WORLD
from desktop.core.scenarios.model import Scenario

YEAR_MAX = 9999
COMPARE_COLUMNS = ["mineral", "year", "stage", "country", "metric", "baseline", "scenario", "delta", "worse",
                   "detail"]
# metric -> +1 when a rise is worse for supply security, −1 when a fall is, 0 when neither
DIRECTION = {"share": 0, "supply": -1, "HHI": 1, "R": 1, "D": 1, "category": 0, "matrix": 1, "matrix_stage": 1,
             "alerts": 1, "required_supply": 0, "gap": 1, "coverage": -1}
ALERTS_SHOWN = 3                       # the alerts a scenario adds named in the ``alerts`` row's detail
CATEGORY_ORDER = {"domestic_advantage": 0, "low_risk": 1, "dependent_diversified": 2, "dependent_high_risk": 3}


def shocks_of(scenario: Scenario) -> list:
    """The what-if shocks of the scenario's production and exports changes."""
    from desktop.core.metrics.extended.whatif import Shock

    out = []
    for c in scenario.changes:
        if c.type in ("demand", "event") or c.partners:     # a ban to some partners: _partner_cuts
            continue
        stage = c.stage or None
        years = (c.from_year, YEAR_MAX) if c.from_year else None
        if c.type == "production":
            out.append(Shock(mineral=c.mineral, country=c.country, production_factor=c.factor, stage=stage,
                             years=years))
        else:
            out.append(Shock(mineral=c.mineral, country=c.country, export_factor=c.factor, stage=stage,
                             years=years))
    return out


def apply_scenario(dataset, scenario: Scenario):
    """A new Dataset with the scenario's production and exports changes (``dataset`` is not touched)."""
    from desktop.core.dataset import Dataset
    from desktop.core.metrics.extended.whatif import apply_shocks

    tables = {k: v.copy() for k, v in dataset.tables.items()}
    shocks = shocks_of(scenario)
    if shocks:
        changed, _notes = apply_shocks(tables, shocks)
        for name, frame in changed.items():
            if frame is not None:
                tables[name] = frame
    for c in scenario.changes:
        if c.type == "exports" and c.partners:
            tables["balance"] = _partner_cuts(tables.get("balance"), tables.get("trade_flows"), c)
    events = _events_of(scenario)
    if len(events):
        tables["events"] = _with_events(tables.get("events"), events)
    tables = {k: v for k, v in tables.items() if v is not None}
    return Dataset(tables=tables, sources=[dict(s) for s in dataset.sources])


def _events_of(scenario: Scenario) -> pd.DataFrame:
    """The policy events of the scenario's event changes, as rows of the ``events`` table."""
    from desktop.core.dataset import conform
    from desktop.core.scenarios.model import EVENT_STAGES

    rows = [{"country": c.country, "mineral": c.mineral, "stage": EVENT_STAGES[c.stage], "type": c.event,
             "start_year": c.from_year, "end_year": np.nan if c.target_year is None else float(c.target_year),
             "source": scenario.source, "note": f"scenario: {scenario.name}"}
            for c in scenario.changes if c.type == "event"]
    return conform("events", pd.DataFrame(rows)) if rows else pd.DataFrame()


def _with_events(existing, added: pd.DataFrame) -> pd.DataFrame:
    """``existing`` events with ``added``; an added event replaces a recorded one of the same key (the
    scenario says what is in force then)."""
    if existing is None or len(existing) == 0:
        return added
    key = ["country", "mineral", "stage", "type", "start_year"]
    both = pd.concat([existing, added], ignore_index=True)
    return both.drop_duplicates(key, keep="last").reset_index(drop=True)


def _partner_cuts(bal, trade, change):
    """The balance after ``change`` (exports to its ``partners`` only ×factor): those importers' imports (and
    a supplied net_imports) fall by (1 − factor) × their imports from the exporter in ``trade_flows``, and the
    exporter's exports by the sum of the cuts.  Without trade flows or a balance nothing changes."""
    from desktop.core.metrics.extended._base import trade_quantities

    if bal is None or len(bal) == 0 or trade is None or len(trade) == 0 or change.factor == 1:
        return bal
    t = trade_quantities(trade)
    f = t[(t["exporter"] == change.country) & (t["mineral"] == change.mineral) & ~t["dropped"]
          & t["importer"].isin(list(change.partners))]
    if change.stage:
        f = f[f["stage"] == change.stage]
    if change.from_year:
        f = f[f["year"] >= change.from_year]
    cut = f.groupby(["mineral", "year", "importer"], as_index=False)["qty"].sum()
    cut["qty"] *= (1 - change.factor)
    bal = bal.copy()
    num = {c: pd.to_numeric(bal[c], errors="coerce").to_numpy(dtype=float) if c in bal
           else np.full(len(bal), np.nan) for c in ("imports", "exports", "net_imports")}
    key = pd.DataFrame({"mineral": bal["mineral"].astype(str).to_numpy(),
                        "year": pd.to_numeric(bal["year"], errors="coerce").fillna(-1).astype("int64").to_numpy(),
                        "importer": bal["country"].astype(str).str.upper().to_numpy()})
    on_stage = (bal["stage"].fillna("").astype(str).to_numpy() == change.stage) if change.stage and "stage" in bal \
        else np.ones(len(bal), dtype=bool)
    d_imp = key.merge(cut, on=["mineral", "year", "importer"], how="left")["qty"].fillna(0.0).to_numpy()
    d_imp = np.where(on_stage, d_imp, 0.0)
    num["imports"] = np.where(np.isfinite(num["imports"]), np.maximum(num["imports"] - d_imp, 0.0), num["imports"])
    num["net_imports"] = np.where(np.isfinite(num["net_imports"]), num["net_imports"] - d_imp, num["net_imports"])
    sent = cut.groupby(["mineral", "year"], as_index=False)["qty"].sum().assign(importer=change.country)
    d_exp = key.merge(sent, on=["mineral", "year", "importer"], how="left")["qty"].fillna(0.0).to_numpy()
    d_exp = np.where(on_stage & np.isfinite(num["exports"]), np.minimum(d_exp, num["exports"]), 0.0)
    num["exports"] = num["exports"] - d_exp
    num["net_imports"] = np.where(np.isfinite(num["net_imports"]), num["net_imports"] + d_exp, num["net_imports"])
    for c, v in num.items():
        if c in bal:
            bal[c] = v
    return bal


def scenario_params(params, scenario: Scenario):
    """``params`` with the scenario's demand multipliers (the last target year named wins)."""
    from desktop.core.metrics.extended_params import ExtendedParams
    from desktop.core.metrics.params import EngineParams

    params = params or EngineParams()
    demand = [c for c in scenario.changes if c.type == "demand"]
    if not demand:
        return params
    ext = params.extended or ExtendedParams()
    mult = dict(ext.demand_multipliers)
    target = ext.scenario_target_year
    for c in demand:
        mult[c.mineral] = c.factor
        target = c.target_year or target
    return replace(params, extended=replace(ext, demand_multipliers=mult, scenario_target_year=int(target)))


def run_scenario(dataset, scenario: Scenario, params=None, *, progress=None, cancelled=None,
                 with_dataset: bool = False):
    """The engine's Results on the scenario's dataset; ``tables['scenario_changes']`` lists the changes.

    ``with_dataset``: return ``(results, applied dataset)`` — what Details needs to explain a scenario's
    number (:func:`desktop.core.metrics.explain.explain` on the scenario's own results and data)."""
    from desktop.core.metrics.engine import run

    applied = apply_scenario(dataset, scenario)
    res = run(applied, scenario_params(params, scenario), progress=progress, cancelled=cancelled)
    frame = changes_frame(scenario)
    # without bilateral flows of that mineral from that exporter, an export change cannot reach the importers'
    # balances (whatif.py)
    flows = dataset.get("trade_flows") if "trade_flows" in dataset else None
    traded = set() if flows is None or len(flows) == 0 else set(zip(flows["mineral"], flows["exporter"]))
    frame["note"] = np.where([t == "exports" and (m, c) not in traded
                              for t, m, c in zip(frame["type"], frame["mineral"], frame["country"])],
                             "no_trade_flows", "")
    res.tables["scenario_changes"] = frame
    return (res, applied) if with_dataset else res


def changes_frame(scenario: Scenario) -> pd.DataFrame:
    return pd.DataFrame([{"scenario": scenario.name, "change_no": i, "type": c.type, "mineral": c.mineral,
                          "country": c.country, "stage": c.stage, "from_year": c.from_year, "factor": c.factor,
                          "target_year": c.target_year, "partners": ";".join(c.partners), "event": c.event,
                          "change": c.describe()}
                         for i, c in enumerate(scenario.changes, start=1)],
                        columns=["scenario", "change_no", "type", "mineral", "country", "stage", "from_year",
                                 "factor", "target_year", "partners", "event", "change"])


# -- the comparison -------------------------------------------------------------------------------------
def compare(baseline, scenario, minerals=None, year=None, *, dataset=None, scenario_dataset=None,
            countries=None) -> pd.DataFrame:
    """Baseline beside scenario, one row per mineral / year / stage / country / metric.

    ``minerals`` default: the scenario's changed minerals (``scenario_changes``), else every mineral;
    ``year``: one year (default every year); ``countries``: whose shares to list (default the changed
    countries).  Metrics: ``share`` (of each changed country), ``supply`` (world market supply),
    ``HHI``, ``R`` (rescaled on the baseline's range), ``D`` (each country of the balance), ``category``
    (the supply-security category, text), ``required_supply`` / ``gap`` / ``coverage`` (demand changes),
    and, when ``dataset`` is given, ``matrix`` — the risk matrix's weakest-link score —, ``matrix_stage``
    (one row per chain stage: the stage's aggregate over both grids, ``Matrix.stage_scores``) and ``alerts``
    (the number of that year's alerts of the mineral, :func:`desktop.core.alerts.compute_alerts`; the detail
    names up to three alerts the scenario adds) — ``scenario_dataset`` (the scenario's applied dataset,
    ``run_scenario(..., with_dataset=True)``) defaults to ``dataset``: the matrix and the alerts read events
    and analysts' scores, which only a scenario's event changes alter.
    ``worse`` is True / False when the delta makes supply less / more secure, None when neutral or nil.
    """
    changes = scenario.tables.get("scenario_changes")
    if minerals is None and changes is not None and len(changes):
        minerals = sorted(set(changes["mineral"]))
    if countries is None and changes is not None and len(changes):
        countries = sorted({c for c in changes["country"] if c})
    bt, st = baseline.tables, scenario.tables
    parts = [_shares(bt, st, minerals, year, countries or []), _supply(bt, st, minerals, year),
             _risk(bt, st, minerals, year), _dependency(bt, st, minerals, year), _categories(bt, st, minerals, year)]
    if changes is not None and (changes["type"] == "demand").any():
        parts.append(_demand(bt, st, sorted(set(changes.loc[changes["type"] == "demand", "mineral"]))))
    if changes is not None and "note" in changes and (changes["note"] == "no_trade_flows").any():
        d = parts[3]
        if d is not None and len(d):
            hit = d["mineral"].isin(set(changes.loc[changes["note"] == "no_trade_flows", "mineral"]))
            d.loc[hit, "detail"] = "no trade flows: an export change does not reach the importers' D"
    if dataset is not None:
        parts.append(_matrix(baseline, scenario, dataset, scenario_dataset or dataset, minerals, year))
    parts = [p for p in parts if p is not None and len(p)]
    if not parts:
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    for col in ("stage", "country", "detail"):
        out[col] = out[col].fillna("").astype(object)
    num = out["metric"] != "category"
    b = pd.to_numeric(out["baseline"].where(num), errors="coerce")
    s = pd.to_numeric(out["scenario"].where(num), errors="coerce")
    out["delta"] = (s - b).where(num)
    direction = out["metric"].map(DIRECTION).fillna(0).to_numpy()
    d = out["delta"].to_numpy(dtype=float)
    cat_b = out["baseline"].map(lambda v: CATEGORY_ORDER.get(v, np.nan)).to_numpy(dtype=float)
    cat_s = out["scenario"].map(lambda v: CATEGORY_ORDER.get(v, np.nan)).to_numpy(dtype=float)
    d = np.where(num, d * direction, cat_s - cat_b)
    worse = np.where(np.isfinite(d) & (np.abs(d) > 1e-12), d > 0, None)
    out["worse"] = pd.Series(worse, dtype=object)
    order = {m: i for i, m in enumerate(DIRECTION)}
    out["_o"] = out["metric"].map(order)
    out = out.sort_values(["mineral", "year", "_o", "stage", "country"], kind="stable").drop(columns="_o")
    return out[COMPARE_COLUMNS].reset_index(drop=True)


KEY_COLUMNS = ["mineral", "year", "stage", "country", "metric"]


def compare_many(baseline, scenarios: dict, **kw) -> pd.DataFrame:
    """Several scenarios beside the baseline: one row per key of :data:`KEY_COLUMNS`, then ``baseline`` and per
    scenario (in ``scenarios``' order, numbered from 0) ``scenario_i``, ``delta_i`` and ``worse_i``, then
    ``detail`` (the first scenario's that has one).  ``scenarios``: name -> the scenario's Results; ``kw`` as
    :func:`compare` (``scenario_datasets``: name -> the scenario's dataset, for the matrix).  One scenario:
    :func:`compare`'s own frame."""
    datasets = kw.pop("scenario_datasets", None) or {}
    frames = [compare(baseline, res, scenario_dataset=datasets.get(name), **kw) for name, res in scenarios.items()]
    if len(frames) == 1:
        return frames[0]
    out = None
    for i, f in enumerate(frames):
        f = f.rename(columns={"scenario": f"scenario_{i}", "delta": f"delta_{i}", "worse": f"worse_{i}",
                              "detail": f"detail_{i}"})
        if out is None:
            out = f
            continue
        out = out.merge(f, on=KEY_COLUMNS, how="outer", suffixes=("", "_dup"), sort=False)
        out["baseline"] = out["baseline"].where(out["baseline"].notna(), out.pop("baseline_dup"))
    if out is None:
        return pd.DataFrame(columns=KEY_COLUMNS + ["baseline", "detail"])
    # not astype(str): a detail may be a Message, which the view renders in the interface language
    details = [out.pop(f"detail_{i}").fillna("") for i in range(len(frames))]
    detail = details[0]
    for d in details[1:]:
        detail = detail.where(detail != "", d)
    out["detail"] = detail
    for i in range(len(frames)):      # a row one scenario lacks: neither worse nor better
        w = out[f"worse_{i}"].astype(object)
        out[f"worse_{i}"] = w.where(w.notna(), None)
    order = {m: i for i, m in enumerate(DIRECTION)}
    out["_o"] = out["metric"].map(order)
    out = out.sort_values(["mineral", "year", "_o", "stage", "country"], kind="stable").drop(columns="_o")
    cols = KEY_COLUMNS + ["baseline"] + [f"{c}_{i}" for i in range(len(frames)) for c in ("scenario", "delta",
                                                                                          "worse")] + ["detail"]
    return out[cols].reset_index(drop=True)


def _pick(frame, minerals, year):
    """The rows of ``minerals`` and ``year``, with plain text keys (some results use categoricals)."""
    if frame is None or len(frame) == 0:
        return None
    frame = frame.astype({c: object for c in ("mineral", "country", "stage") if c in frame
                          and isinstance(frame[c].dtype, pd.CategoricalDtype)})
    keep = np.ones(len(frame), dtype=bool)
    if minerals is not None:
        keep &= frame["mineral"].isin(list(minerals)).to_numpy()
    if year is not None and "year" in frame:
        keep &= (pd.to_numeric(frame["year"], errors="coerce") == int(year)).to_numpy()
    return frame[keep]


def _side_by_side(b, s, keys, value, metric, country=None) -> pd.DataFrame | None:
    """:func:`_both_sides`, or None when neither side has the table."""
    if b is None and s is None:
        return None
    return _both_sides(b, s, keys, value, metric, country)


def _both_sides(b, s, keys, value, metric, country=None) -> pd.DataFrame:
    """The baseline's and the scenario's ``value`` by ``keys`` (a missing side: no rows)."""
    cols = keys + [value]
    b = b[cols] if b is not None else pd.DataFrame(columns=cols)
    s = s[cols] if s is not None else pd.DataFrame(columns=cols)
    m = b.merge(s, on=keys, how="outer", suffixes=("_b", "_s"))
    out = pd.DataFrame({"mineral": m["mineral"], "year": m.get("year", np.nan), "stage": m.get("stage", ""),
                        "country": m.get("country", country or ""), "metric": metric,
                        "baseline": m[f"{value}_b"].astype(object), "scenario": m[f"{value}_s"].astype(object),
                        "detail": ""})
    return out


def _shares(bt, st, minerals, year, countries):
    b, s = _pick(bt.get("production_shares"), minerals, year), _pick(st.get("production_shares"), minerals, year)
    if b is None or not countries:
        return None
    b = b[b["country"].isin(countries)]
    s = s[s["country"].isin(countries)] if s is not None else None
    out = _both_sides(b, s, ["mineral", "year", "stage", "country"], "share", "share")
    # the banned exporter has quantity 0 in the scenario: its share is 0, not missing
    out["scenario"] = out["scenario"].where(out["scenario"].notna(), 0.0)
    return out


def _supply(bt, st, minerals, year):
    def total(frame):
        frame = _pick(frame, minerals, year)
        if frame is None:
            return None
        frame = frame[~frame["country"].astype(str).isin([WORLD])]
        return frame.groupby(["mineral", "year", "stage"], as_index=False, observed=True)["quantity"].sum(
            min_count=1)
    b, s = total(bt.get("production_shares")), total(st.get("production_shares"))
    return _side_by_side(b, s, ["mineral", "year", "stage"], "quantity", "supply")


def _risk(bt, st, minerals, year):
    b_all, s_all = bt.get("supply_risk"), st.get("supply_risk")
    b, s = _pick(b_all, minerals, year), _pick(s_all, minerals, year)
    if b is None:
        return None
    keys = ["mineral", "year", "stage"]
    hhi = _side_by_side(b, s, keys, "HHI", "HHI")
    raw = b_all["R_raw"].to_numpy(dtype=float)
    lo, hi = (np.nanmin(raw), np.nanmax(raw)) if np.isfinite(raw).any() else (np.nan, np.nan)
    if s is not None:
        s = s.copy()
        s["R"] = (s["R_raw"] - lo) / (hi - lo) if hi > lo else np.nan
    r = _side_by_side(b, s, keys, "R", "R")
    if r is not None and s is not None:
        r["detail"] = "R rescaled on the baseline's min–max of R_raw"
    return pd.concat([hhi, r], ignore_index=True)


def _dependency(bt, st, minerals, year):
    b, s = _pick(bt.get("import_dependency"), minerals, year), _pick(st.get("import_dependency"), minerals, year)
    return _side_by_side(b, s, ["mineral", "country", "year", "stage"], "D", "D")


def _categories(bt, st, minerals, year):
    b, s = _pick(bt.get("supply_categories"), minerals, year), _pick(st.get("supply_categories"), minerals, year)
    if b is None:
        return None
    out = _both_sides(b, s, ["mineral", "country", "year", "stage"], "category", "category")
    for col in ("baseline", "scenario"):
        out[col] = out[col].where(out[col].notna() & (out[col] != ""), None)
    return out


def _demand(bt, st, minerals):
    b, s = _pick(bt.get("demand_scenarios"), minerals, None), _pick(st.get("demand_scenarios"), minerals, None)
    if b is None and s is None:
        return None
    parts = []
    for value in ("required_supply", "gap", "coverage"):
        part = _both_sides(b.rename(columns={"target_year": "year"}) if b is not None else None,
                           s.rename(columns={"target_year": "year"}) if s is not None else None,
                           ["mineral"], value, value)
        if s is not None and len(s):
            mult = dict(zip(s["mineral"], s["multiplier"]))
            ty = dict(zip(s["mineral"], s["target_year"]))
            part["year"] = part["mineral"].map(ty)
            part["detail"] = part["mineral"].map({m: f"demand ×{k:g}" for m, k in mult.items()}).fillna("")
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def _matrix(baseline, scenario, dataset, scenario_dataset, minerals, year):
    from desktop.core.chain.matrix import build_matrix
    from desktop.core.dataset import CHAIN_STAGES

    risk = baseline.tables.get("supply_risk")
    if minerals is None:
        minerals = sorted(set(risk["mineral"])) if risk is not None else []
    rows = []
    for mineral in minerals:
        years = [year] if year is not None else sorted(
            {int(y) for y in risk.loc[risk["mineral"] == mineral, "year"]}) if risk is not None else []
        for y in years[-1:] if year is None else years:      # every year would be slow: the latest one
            try:
                mb = build_matrix(baseline, dataset, mineral, int(y))
                ms = build_matrix(scenario, scenario_dataset, mineral, int(y))
            except (KeyError, ValueError):
                continue
            cell = ms.weakest or mb.weakest
            where = f"{cell.stream} {cell.stage} × {cell.dimension}" if cell is not None else ""
            rows.append({"mineral": mineral, "year": int(y), "stage": "", "country": ms.country or "",
                         "metric": "matrix", "baseline": mb.score, "scenario": ms.score,
                         "detail": f"weakest link: {where}" if where else ""})
            for stage in CHAIN_STAGES:
                b, s = mb.stage_scores.get(stage), ms.stage_scores.get(stage)
                rows.append({"mineral": mineral, "year": int(y), "stage": stage, "country": ms.country or "",
                             "metric": "matrix_stage", "baseline": np.nan if b is None else b,
                             "scenario": np.nan if s is None else s, "detail": ""})
            row = _alerts(baseline, scenario, dataset, scenario_dataset, mineral, int(y))
            if row is not None:
                rows.append(row)
    if not rows:
        return None
    out = pd.DataFrame(rows)
    for col in ("baseline", "scenario"):          # the alerts counts stay whole numbers
        out[col] = pd.Series([r[col] for r in rows], dtype=object)
    return out


def _alerts(baseline, scenario, dataset, scenario_dataset, mineral, year) -> dict | None:
    """The ``alerts`` row: the number of ``year``'s alerts of ``mineral`` in the baseline and the scenario, and
    in ``detail`` the English sentences of (up to :data:`ALERTS_SHOWN`) alerts only the scenario has.  None
    when the alerts give no table (a stubbed compute_alerts)."""
    from desktop.core.alerts import compute_alerts
    from desktop.core.messages import Joined, msg

    def ids(frame):
        return [(r["rule"], r["indicator"], r["table"], str(sorted(r["key"].items())) if isinstance(r["key"], dict)
                 else str(r["key"])) for r in frame.to_dict("records")]

    ab = compute_alerts(baseline, dataset, minerals=[mineral], year=year)
    als = compute_alerts(scenario, scenario_dataset, minerals=[mineral], year=year)
    if not isinstance(ab, pd.DataFrame) or not isinstance(als, pd.DataFrame):
        return None
    before = set(ids(ab))
    # the alerts' own sentences (Messages), so that the view shows them in the interface language
    added = [w for w, key in zip(als["what"], ids(als)) if key not in before]
    detail = msg("compare.alerts_added", alerts=Joined(items=tuple(added[:ALERTS_SHOWN]), sep="; ")) if added else ""
    return {"mineral": mineral, "year": year, "stage": "", "country": "", "metric": "alerts",
            "baseline": len(ab), "scenario": len(als), "detail": detail}
