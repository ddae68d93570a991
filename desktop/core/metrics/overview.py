"""What the Overview and the Indicators view show, read from the engine's results (no Qt, no language).

* :data:`INDICATORS` — every indicator an analyst can choose: the results table it lives in, its value
  column, and the threshold it is read against (D, M and R have the engine's thresholds; the EU supply
  risk and the categories' R have their own fixed ones).
* :func:`overview_table` — the criticality table of one year for a list of minerals: one row per mineral
  with D (of the assessed country), M, R and HHI, the top producer and its share, the supply-security
  category, each metric's trend class, and how many of D, M, R are at or above their threshold.
* :func:`indicator_series` — an indicator's values by year for the selected minerals, one series per
  mineral (and per stage or country when the table holds several), for the time-series plots.
* :func:`production_layers` — one mineral's production shares by country for one stage: the top
  producers and the rest as "others", for the stacked area chart.

A mineral has one row per year and stage in most tables; the Overview shows its *primary* stage — the
first of :data:`PRIMARY_STAGES` it has (mine production, else the stage the source left unnamed), else
its first stage in alphabetical order — the rule the extended indicators use for "primary production".
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

PRIMARY_STAGES = ("mine", "")
OTHERS = "OTHERS"


@dataclass(frozen=True)
class Indicator:
    id: str
    table: str
    column: str
    threshold_metric: str | None = None     # the engine's threshold (thresholds table) read against
    fixed_threshold: str | None = None      # or a parameter of the extended indicators (see thresholds_of)
    by_country: bool = False                # rows per assessed country (D, categories, EU SR, GeoPolRisk)
    share: bool = False                     # a share 0..1 shown as a percentage
    per_country_only: bool = False          # rows are countries, not minerals (Γ)


INDICATORS: dict[str, Indicator] = {ind.id: ind for ind in (
    Indicator("D", "import_dependency", "D", "D", by_country=True, share=True),
    Indicator("M", "market_dynamics", "M", "M"),
    Indicator("R", "supply_risk", "R", "R"),
    Indicator("HHI", "supply_risk", "HHI"),
    Indicator("gamma", "governance", "gamma", per_country_only=True),
    Indicator("G", "production_growth", "G_scaled"),
    Indicator("C", "criticality_potential", "C"),
    Indicator("top1", "concentration", "top1_share", share=True),
    Indicator("topk", "concentration", "topk_share", share=True),
    Indicator("reserve_years", "reserve_years", "rp_years", fixed_threshold="reserve_warning_years",
              by_country=True),
    Indicator("category", "supply_categories", "category_no", by_country=True),
    Indicator("R_recycled", "recycled_supply_risk", "R_recycled", "R"),
    Indicator("EU_SR", "eu_supply_risk", "SR", fixed_threshold="eu_sr_threshold", by_country=True),
    Indicator("GeoPolRisk", "geopolrisk", "score", by_country=True),
    Indicator("demand", "demand_scenarios", "gap"),
    # import sources of the assessed country (metrics/import_sources.py)
    Indicator("import_HHI", "import_concentration", "HHI", by_country=True),
    Indicator("import_top1", "import_concentration", "top1_share", by_country=True, share=True),
    Indicator("import_high_risk", "import_concentration", "high_risk_share", by_country=True, share=True),
)}

OVERVIEW_COLUMNS = ["mineral", "stage", "country", "D", "M", "R", "HHI", "top_country", "top_share",
                    "category_no", "category", "label", "label_zh", "trend_D", "trend_M", "trend_R",
                    "above"]


def thresholds_of(results) -> dict[str, float]:
    """{metric: threshold} for D, M, R (the engine's) and the extended indicators' fixed ones."""
    out: dict[str, float] = {}
    frame = results.tables.get("thresholds")
    if frame is not None:
        out.update({str(m): float(v) for m, v in zip(frame["metric"], frame["threshold"]) if np.isfinite(v)})
    ext = results.tables.get("extended_parameters")
    if ext is not None and len(ext):
        for name, value in zip(ext["name"], ext["value"]):
            try:
                out[str(name)] = float(value)
            except (TypeError, ValueError):
                continue
    return out


def threshold_for(results, indicator: Indicator, thresholds: dict[str, float] | None = None) -> float | None:
    thresholds = thresholds if thresholds is not None else thresholds_of(results)
    name = indicator.threshold_metric or indicator.fixed_threshold
    value = thresholds.get(name) if name else None
    return value if value is not None and np.isfinite(value) else None


def years_of(results) -> list[int]:
    """The years with a D, M or R value, ascending (the Year selector's choices)."""
    years: set[int] = set()
    for table, column in (("import_dependency", "D"), ("market_dynamics", "M"), ("supply_risk", "R")):
        frame = results.tables.get(table)
        if frame is not None and len(frame):
            years.update(int(y) for y in pd.unique(frame.loc[frame[column].notna(), "year"]))
    return sorted(years)


def assessed_country(results, country: str | None = None) -> str | None:
    """The country D is shown for: the one asked for, else the only country the D table holds."""
    if country:
        return country
    frame = results.tables.get("import_dependency")
    if frame is None or len(frame) == 0:
        return None
    countries = pd.unique(frame["country"])
    return str(countries[0]) if len(countries) == 1 else None


def primary(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per remaining key: the row of the mineral's primary stage (see the module docstring)."""
    if len(frame) == 0 or "stage" not in frame:
        return frame
    stage = frame["stage"].astype(object).where(frame["stage"].notna(), "")
    rank = stage.map({s: i for i, s in enumerate(PRIMARY_STAGES)}).fillna(len(PRIMARY_STAGES))
    ordered = frame.assign(_rank=rank.to_numpy(), _stage=stage.to_numpy()).sort_values(
        ["mineral", "_rank", "_stage"], kind="stable")
    first_stage = ordered.groupby("mineral", sort=False)["_stage"].transform("first")
    return ordered[ordered["_stage"] == first_stage].drop(columns=["_rank", "_stage"])


def overview_table(results, minerals: list[str] | None, year: int, country: str | None = None, *,
                   keep_empty: bool = False) -> pd.DataFrame:
    """The criticality table of ``year``: one row per mineral of ``minerals`` (None = every mineral with a
    core indicator), in the order given; columns :data:`OVERVIEW_COLUMNS`.

    ``country`` is the assessed country of D and of the categories (see :func:`assessed_country`).
    ``above`` counts D, M and R at or above their thresholds; a missing metric does not count.
    A mineral without any of D, M, R and HHI that year is left out unless ``keep_empty``.
    """
    t = results.tables
    country = assessed_country(results, country)
    rows = {m: {"mineral": m} for m in (minerals if minerals is not None else _core_minerals(results))}
    wanted = set(rows)

    def of_year(name: str, *, by_country: bool = False) -> pd.DataFrame:
        frame = t.get(name)
        if frame is None or len(frame) == 0:
            return pd.DataFrame(columns=["mineral"])
        sel = (frame["year"] == year) & frame["mineral"].isin(wanted)
        if by_country:
            sel &= frame["country"] == country if country else False
        return primary(frame[sel])

    for row in of_year("supply_risk").itertuples(index=False):
        rows[row.mineral].update(stage=row.stage, R=row.R, HHI=row.HHI)
    for row in of_year("import_dependency", by_country=True).itertuples(index=False):
        rows[row.mineral].update(D=row.D, country=row.country, d_stage=row.stage)
    for row in of_year("market_dynamics").itertuples(index=False):
        rows[row.mineral]["M"] = row.M
    conc = t.get("concentration")
    if conc is not None and len(conc):
        conc = conc[conc["basis"] == "production"]
        for row in primary(conc[(conc["year"] == year) & conc["mineral"].isin(wanted)]).itertuples(index=False):
            rows[row.mineral].update(top_country=row.top1_country, top_share=row.top1_share)
    for row in of_year("supply_categories", by_country=True).itertuples(index=False):
        rows[row.mineral].update(category_no=row.category_no, category=row.category, label=row.label,
                                 label_zh=row.label_zh)
    _add_trends(rows, t.get("trends"), country)
    out = pd.DataFrame(list(rows.values())).reindex(columns=OVERVIEW_COLUMNS)
    for col in ("D", "M", "R", "HHI", "top_share", "category_no"):
        out[col] = pd.to_numeric(out[col], errors="coerce")
    thr = thresholds_of(results)
    above = np.zeros(len(out), dtype=int)
    for metric in ("D", "M", "R"):
        if metric in thr:
            above += (out[metric] >= thr[metric]).to_numpy()
    out["above"] = above
    if not keep_empty:
        out = out[out[["D", "M", "R", "HHI"]].notna().any(axis=1)].reset_index(drop=True)
    return out


def _core_minerals(results) -> list[str]:
    seen: set[str] = set()
    for name in ("import_dependency", "market_dynamics", "supply_risk"):
        frame = results.tables.get(name)
        if frame is not None:
            seen.update(str(m) for m in pd.unique(frame["mineral"]))
    return sorted(seen)


def _add_trends(rows: dict, trends: pd.DataFrame | None, country: str | None) -> None:
    """trend_D / trend_M / trend_R of each row: the trend of the same country and stage as its value."""
    if trends is None or len(trends) == 0:
        return
    sub = trends[trends["mineral"].isin(set(rows)) & trends["country"].isin({"", country or ""})]
    index = {(r.metric, r.mineral, r.country, r.stage): r.trend for r in sub.itertuples(index=False)}
    for mineral, row in rows.items():
        stage = row.get("stage", "")
        row["trend_R"] = index.get(("R", mineral, "", stage if isinstance(stage, str) else ""))
        row["trend_M"] = index.get(("M", mineral, "", ""))
        if country and "d_stage" in row:
            row["trend_D"] = index.get(("D", mineral, country, row["d_stage"]))


@dataclass(frozen=True)
class Series:
    key: tuple                 # (mineral, country, stage) — what makes the series distinct
    mineral: str
    country: str
    stage: str
    years: np.ndarray
    values: np.ndarray


def indicator_rows(results, indicator: Indicator, minerals: list[str] | None = None,
                   country: str | None = None) -> pd.DataFrame:
    """The rows of the indicator's results table for ``minerals`` (None = all) and, for the indicators
    per assessed country, ``country`` (None = every country)."""
    frame = results.tables.get(indicator.table)
    if frame is None:
        return pd.DataFrame()
    sel = np.ones(len(frame), dtype=bool)
    if minerals is not None and "mineral" in frame and not indicator.per_country_only:
        sel &= frame["mineral"].isin(set(minerals)).to_numpy()
    if country and "country" in frame and (indicator.by_country or indicator.per_country_only):
        sel &= (frame["country"] == country).to_numpy()
    if indicator.table == "concentration" and "basis" in frame:
        sel &= (frame["basis"] == "production").to_numpy()
    return frame[sel]


def indicator_series(results, indicator: Indicator, minerals: list[str] | None = None,
                     country: str | None = None) -> list[Series]:
    """One series per mineral (per stage and country where the table has several) in the order of
    ``minerals``; each series' years ascending, values NaN where empty."""
    frame = indicator_rows(results, indicator, minerals, country)
    if len(frame) == 0 or "year" not in frame or indicator.column not in frame:
        return []
    label = "country" if indicator.per_country_only else "mineral"
    order = {m: i for i, m in enumerate(minerals or [])}
    keys = list(dict.fromkeys(c for c in (label, "country", "stage") if c in frame))
    out = []
    for key, group in frame.groupby(keys, sort=False, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        named = dict(zip(keys, key))
        group = group.sort_values("year")
        out.append(Series(key=tuple(named.get(k, "") for k in keys),
                          mineral=str(named.get(label, "")), country=str(named.get("country", "") or ""),
                          stage=str(named.get("stage", "") or ""),
                          years=group["year"].to_numpy(dtype=int),
                          values=pd.to_numeric(group[indicator.column], errors="coerce").to_numpy(dtype=float)))
    out.sort(key=lambda s: (order.get(s.mineral, len(order)), s.mineral, s.stage != PRIMARY_STAGES[0], s.key))
    return out


def production_layers(results, mineral: str, stage: str | None = None, top: int = 5
                      ) -> tuple[str, np.ndarray, list[tuple[str, np.ndarray]]]:
    """(stage, years, [(country, shares by year)]) for one mineral: the ``top`` countries by their share
    summed over the years, then ``OTHERS`` (every other producer, and the unnamed rest); shares 0..1 and
    each year's layers sum to 1 where the year has production."""
    frame = results.tables.get("production_shares")
    if frame is None or len(frame) == 0:
        return "", np.array([], dtype=int), []
    frame = frame[frame["mineral"] == mineral]
    stages = _stages_of(frame)
    if not stages:
        return "", np.array([], dtype=int), []
    stage = stage if stage in stages else stages[0]
    frame = frame[frame["stage"].astype(object).where(frame["stage"].notna(), "") == stage]
    table = frame.pivot_table(index="year", columns="country", values="share", aggfunc="sum", fill_value=0.0,
                           observed=True)
    ranked = [c for c in table.sum().sort_values(ascending=False).index if c != OTHERS]
    named = ranked[:top]
    years = table.index.to_numpy(dtype=int)
    layers = [(str(c), table[c].to_numpy(dtype=float)) for c in named]
    rest = table.drop(columns=named).sum(axis=1).to_numpy(dtype=float)
    if len(ranked) > top or OTHERS in table.columns:
        layers.append((OTHERS, rest))
    return stage, years, layers


def production_stages(results, mineral: str) -> list[str]:
    """The stages with production shares for ``mineral``, its primary stage first."""
    frame = results.tables.get("production_shares")
    if frame is None or len(frame) == 0:
        return []
    return _stages_of(frame[frame["mineral"] == mineral])


def _stages_of(frame: pd.DataFrame) -> list[str]:
    stages = pd.unique(frame["stage"].astype(object).where(frame["stage"].notna(), ""))
    return sorted(stages, key=lambda s: (PRIMARY_STAGES.index(s) if s in PRIMARY_STAGES else len(PRIMARY_STAGES), s))
