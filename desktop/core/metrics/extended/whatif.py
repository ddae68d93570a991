"""What-if / stress test (情景压力测试), METHODS §3: scale or remove a country's production and/or
exports of a mineral and recompute shares, HHI, R and D side by side with the baseline.

A :class:`Shock` names a mineral and a country (optionally a stage and a year range) and two
factors: ``production_factor`` (0 = production stops — conflict, closure; 0.5 = halved) and
``export_factor`` (0 = export ban; 0.7 = export quota at 70 %).  Effects:

* world market shares / HHI / R: the shocked country's quantity in the production table ×
  production_factor × export_factor — the shares describe the supply open to the world market,
  so an export ban removes the country from them (its own production still serves itself);
* the country's own D: balance production × production_factor, exports × export_factor (a supplied
  net_imports moves by the change of exports when exports are known, else flag
  ``export_shock_not_applied``);
* other countries' D: with a ``trade_flows`` table, each importer's imports (and a supplied
  net_imports) fall by (1 − export_factor) × its imports from the shocked country (tonnes,
  quantities as in geopolrisk.py; stages summed unless the shock names one).  Without trade flows
  other countries' D are unchanged (flag ``no_trade_flows``).

Recomputation uses the core engine's own functions (supply_risk.production_shares,
compute_supply_risk, governance.compute_gamma, dependency.compute_dependency).  R in the scenario is
rescaled with the baseline's min and max of R_raw (so the other minerals keep their R and the
columns are comparable); a scenario R outside 0..1 is kept and flagged ``outside_baseline_range``.
Only the shocked minerals' rows are returned; ``*_delta`` = scenario − baseline.  The supply-risk
table also gives the world market supply before and after (``supply_base``, ``supply_scenario``,
``supply_change`` = scenario / base − 1): removing the dominant producer lowers the HHI of the
remaining supply while the supply itself falls, and the two must be read together.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from desktop.core.metrics.extended._base import join_flags, trade_quantities
from desktop.core.metrics.supply_risk import (
    ProductionRows, producer_rows, risk_table, shares_table,
)


@dataclass(frozen=True)
class Shock:
    mineral: str
    country: str
    production_factor: float = 1.0
    export_factor: float = 1.0
    stage: str | None = None                 # None = every stage
    years: tuple[int, int] | None = None     # None = every year

    def __post_init__(self) -> None:
        for name in ("production_factor", "export_factor"):
            v = getattr(self, name)
            if not (v >= 0 and np.isfinite(v)):
                raise ValueError(f"{name} must be a number >= 0, not {v!r}")
        object.__setattr__(self, "country", str(self.country).strip().upper())

    @classmethod
    def export_ban(cls, mineral: str, country: str, **kw) -> Shock:
        return cls(mineral, country, export_factor=0.0, **kw)

    @classmethod
    def remove(cls, mineral: str, country: str, **kw) -> Shock:
        return cls(mineral, country, production_factor=0.0, export_factor=0.0, **kw)

    def describe(self) -> str:
        parts = []
        if self.production_factor != 1:
            parts.append(f"production ×{self.production_factor:g}")
        if self.export_factor != 1:
            parts.append("export ban" if self.export_factor == 0 else f"exports ×{self.export_factor:g}")
        where = f" ({self.stage})" if self.stage else ""
        when = f" {self.years[0]}–{self.years[1]}" if self.years else ""
        return f"{self.country} {self.mineral}{where}{when}: " + (", ".join(parts) or "no change")


def _mask(frame: pd.DataFrame, shock: Shock, country_col: str = "country") -> np.ndarray:
    m = (frame["mineral"].astype(str) == shock.mineral).to_numpy() & \
        (frame[country_col].astype(str).str.upper() == shock.country).to_numpy()
    if shock.stage is not None and "stage" in frame:
        m &= (frame["stage"].fillna("").astype(str) == shock.stage).to_numpy()
    if shock.years is not None:
        y = pd.to_numeric(frame["year"], errors="coerce").to_numpy(dtype=float)
        m &= (y >= shock.years[0]) & (y <= shock.years[1])
    return m


def apply_shocks(dataset_tables: dict[str, pd.DataFrame], shocks: Sequence[Shock]) -> tuple[dict, dict]:
    """(scenario production, balance) and notes.  Factors of several shocks multiply."""
    prod = dataset_tables.get("production")
    bal = dataset_tables.get("balance")
    trade = dataset_tables.get("trade_flows")
    notes: dict[str, Any] = {"no_trade_flows": trade is None or len(trade) == 0, "export_shock_not_applied": set()}
    if prod is not None and len(prod):
        prod = prod.copy()
        q = pd.to_numeric(prod["quantity"], errors="coerce").to_numpy(dtype=float)
        for s in shocks:
            q = np.where(_mask(prod, s), q * s.production_factor * s.export_factor, q)
        prod["quantity"] = q
    if bal is not None and len(bal):
        bal = bal.copy()
        num = {c: pd.to_numeric(bal[c], errors="coerce").to_numpy(dtype=float) if c in bal
               else np.full(len(bal), np.nan) for c in ("production", "imports", "exports", "net_imports")}
        t = trade_quantities(trade) if not notes["no_trade_flows"] else None
        for s in shocks:
            own = _mask(bal, s)
            num["production"] = np.where(own, num["production"] * s.production_factor, num["production"])
            d_exp = np.where(own & np.isfinite(num["exports"]), num["exports"] * (1 - s.export_factor), 0.0)
            num["exports"] = num["exports"] - d_exp
            ni_known = np.isfinite(num["net_imports"])
            num["net_imports"] = np.where(own & ni_known, num["net_imports"] + d_exp, num["net_imports"])
            if s.export_factor != 1 and (own & ni_known & ~np.isfinite(num["exports"])).any():
                notes["export_shock_not_applied"].add(s.country)
            if t is not None and s.export_factor != 1:
                f = t[(t["exporter"] == s.country) & (t["mineral"] == s.mineral) & ~t["dropped"]]
                if s.stage is not None:
                    f = f[f["stage"] == s.stage]
                if s.years is not None:
                    f = f[f["year"].between(*s.years)]
                cut = f.groupby(["mineral", "year", "importer"], as_index=False)["qty"].sum()
                cut["qty"] *= (1 - s.export_factor)
                key = bal[["mineral", "year", "country"]].astype({"year": "int64"}).rename(
                    columns={"country": "importer"})
                d_imp = key.merge(cut, on=["mineral", "year", "importer"], how="left")["qty"].fillna(0.0).to_numpy()
                if s.stage is not None:
                    d_imp = np.where(bal["stage"].fillna("").to_numpy(dtype=object) == s.stage, d_imp, 0.0)
                num["imports"] = np.where(np.isfinite(num["imports"]),
                                          np.maximum(num["imports"] - d_imp, 0.0), num["imports"])
                num["net_imports"] = np.where(np.isfinite(num["net_imports"]), num["net_imports"] - d_imp,
                                              num["net_imports"])
        for c, v in num.items():
            if c in bal:
                bal[c] = v
    return {"production": prod, "balance": bal}, notes


def run_whatif(dataset, shocks: Shock | Sequence[Shock], params=None,
               baseline: dict[str, pd.DataFrame] | None = None) -> dict[str, pd.DataFrame]:
    """Baseline vs scenario for the shocked minerals: shares, HHI, R and D side by side.

    The shocks scale production and exports (:func:`apply_shocks`; factors of several shocks multiply) and
    the core functions recompute the tables; R in the scenario is rescaled with the baseline's min and max
    of R_raw, ``*_delta`` = scenario − baseline (see the module docstring).

    Parameters
    ----------
    dataset : Dataset or dict of DataFrames
        A :class:`~desktop.core.dataset.Dataset` or a dict of canonical tables (production, balance,
        governance, trade_flows).
    shocks : Shock or sequence of Shock
        The shocks applied together.
    params : EngineParams, optional
        The engine's parameters; the defaults when None.
    baseline : dict of DataFrames, optional
        Core tables already computed (``supply_risk``, ``import_dependency``); else computed here.

    Returns
    -------
    dict of DataFrames
        Only the shocked minerals' rows.  ``shares`` (with production: mineral, year, stage, country,
        share_base, share_scenario, flag_scenario, share_delta), ``supply_risk`` (with production: mineral,
        year, stage, supply_base, supply_scenario, supply_change, then HHI, R_raw, R and coverage each as
        ``_base`` / ``_scenario`` / ``_delta``, flag_base, flag_scenario; flag ``outside_baseline_range``),
        ``import_dependency`` (with a balance: mineral, country, year, stage, net_imports_base,
        net_imports_scenario, D_base, D_scenario, D_delta, flag_base, flag_scenario; flags ``no_trade_flows``,
        ``export_shock_not_applied``) and ``summary`` (one row per shock with its description: shock,
        mineral, country, production_factor, export_factor, stage).
    """
    from desktop.core.metrics.dependency import compute_dependency
    from desktop.core.metrics.governance import compute_gamma
    from desktop.core.metrics.params import EngineParams
    from desktop.core.metrics.supply_risk import compute_supply_risk

    params = params or EngineParams()
    shocks = [shocks] if isinstance(shocks, Shock) else list(shocks)
    tables = dict(dataset.tables) if hasattr(dataset, "tables") else dict(dataset)
    minerals = sorted({s.mineral for s in shocks})
    baseline = baseline or {}

    prod = tables.get("production")
    gov = tables.get("governance")
    gamma = compute_gamma(gov, params) if gov is not None and len(gov) else None
    scen_tables, notes = apply_shocks(tables, shocks)
    out: dict[str, pd.DataFrame] = {}

    if prod is not None and len(prod):
        sub = prod[prod["mineral"].isin(minerals)]
        ssub = scen_tables["production"][scen_tables["production"]["mineral"].isin(minerals)]
        # each side's production rows coded once, for its shares, its R and its supply
        rows_b, rows_s = producer_rows(sub, params), producer_rows(ssub, params)
        keys = ["mineral", "year", "stage", "country"]
        sb = shares_table(rows_b)[keys + ["share"]]
        ss = shares_table(rows_s)[keys + ["share", "flag"]]
        sh = sb.merge(ss, on=keys, how="outer", suffixes=("_base", "_scenario"))
        sh["share_delta"] = sh["share_scenario"] - sh["share_base"]
        out["shares"] = sh.rename(columns={"flag": "flag_scenario"}).sort_values(keys).reset_index(drop=True)

        base_all = baseline.get("supply_risk")
        if base_all is None:
            base_all = compute_supply_risk(prod, gamma, params)
        lo, hi = np.nanmin(base_all["R_raw"].to_numpy(dtype=float), initial=np.inf), \
            np.nanmax(base_all["R_raw"].to_numpy(dtype=float), initial=-np.inf)
        rb = base_all[base_all["mineral"].isin(minerals)]
        rs = risk_table(rows_s, gamma)
        k3 = ["mineral", "year", "stage"]
        cols = ["HHI", "R_raw", "R", "coverage", "flag"]
        r = rb[k3 + cols].merge(rs[k3 + cols], on=k3, how="outer", suffixes=("_base", "_scenario"))
        with np.errstate(invalid="ignore", divide="ignore"):
            span = hi - lo if np.isfinite(hi - lo) and hi > lo else np.nan
            r["R_scenario"] = (r["R_raw_scenario"] - lo) / span
        outside = np.isfinite(r["R_scenario"]) & ((r["R_scenario"] < 0) | (r["R_scenario"] > 1))
        r["flag_scenario"] = join_flags(len(r), [r["flag_scenario"].fillna("").to_numpy(dtype=object),
                                                 ("outside_baseline_range", outside.to_numpy())])
        for c in ("HHI", "R_raw", "R", "coverage"):
            r[f"{c}_delta"] = r[f"{c}_scenario"] - r[f"{c}_base"]
        # world supply open to the market: a ban on the dominant producer lowers the HHI of what is left
        # while the supply itself collapses — the two must be read together
        tb = _supply(rows_b).rename(columns={"total": "supply_base"})
        ts = _supply(rows_s).rename(columns={"total": "supply_scenario"})
        r = r.merge(tb, on=k3, how="left").merge(ts, on=k3, how="left")
        with np.errstate(invalid="ignore", divide="ignore"):
            r["supply_change"] = r["supply_scenario"].fillna(0.0) / r["supply_base"] - 1.0
        order = k3 + ["supply_base", "supply_scenario", "supply_change"] \
            + [f"{c}_{s}" for c in ("HHI", "R_raw", "R", "coverage") for s in ("base", "scenario", "delta")] \
            + ["flag_base", "flag_scenario"]
        out["supply_risk"] = r[order].sort_values(k3).reset_index(drop=True)

    bal = tables.get("balance")
    if bal is not None and len(bal):
        k4 = ["mineral", "country", "year", "stage"]
        db = baseline.get("import_dependency")
        if db is None:
            db = compute_dependency(bal, params, tables.get("production"))
        db = db[db["mineral"].isin(minerals)]
        sb = scen_tables["balance"]
        ds = compute_dependency(sb[sb["mineral"].isin(minerals)], params, scen_tables.get("production"))
        d = db[k4 + ["net_imports", "D", "flag"]].merge(ds[k4 + ["net_imports", "D", "flag"]], on=k4, how="outer",
                                                        suffixes=("_base", "_scenario"))
        d["D_delta"] = d["D_scenario"] - d["D_base"]
        extra = []
        if notes["no_trade_flows"] and any(s.export_factor != 1 for s in shocks):
            extra.append(("no_trade_flows", ~d["country"].isin([s.country for s in shocks]).to_numpy()))
        if notes["export_shock_not_applied"]:
            extra.append(("export_shock_not_applied",
                          d["country"].isin(sorted(notes["export_shock_not_applied"])).to_numpy()))
        d["flag_scenario"] = join_flags(len(d), [d["flag_scenario"].fillna("").to_numpy(dtype=object)] + extra)
        out["import_dependency"] = d[k4 + ["net_imports_base", "net_imports_scenario", "D_base", "D_scenario",
                                           "D_delta", "flag_base", "flag_scenario"]] \
            .sort_values(k4).reset_index(drop=True)

    out["summary"] = pd.DataFrame({"shock": [s.describe() for s in shocks],
                                   "mineral": [s.mineral for s in shocks], "country": [s.country for s in shocks],
                                   "production_factor": [s.production_factor for s in shocks],
                                   "export_factor": [s.export_factor for s in shocks],
                                   "stage": [s.stage if s.stage is not None else "(all)" for s in shocks]})
    return out


def _supply(rows: ProductionRows | None) -> pd.DataFrame:
    """Σ q per (mineral, year, stage) of coded production rows: the denominator of the core's shares
    (NaN where it is 0)."""
    if rows is None:
        return pd.DataFrame({"mineral": pd.Series(dtype=object), "year": pd.Series(dtype="int64"),
                             "stage": pd.Series(dtype=object), "total": pd.Series(dtype=float)})
    out = pd.DataFrame(rows.groups.labels())
    out["total"] = np.where(rows.total > 0, rows.total, np.nan)
    return out
