"""Alerts (预警): what in the results crossed a line or got worse, newest first (issue 14 item 1).

Ministries read the results to be warned early; a table of thousands of numbers does not warn.  The rules
below turn year-on-year changes into a short list an analyst can act on.  "Year on year" means two
consecutive calendar years (t − 1 and t) that both have a value: a change over a gap in the data is not
reported, because it may hide several years of movement and the analyst could not tell when it happened.

Rules (``rule`` column; each can be turned off in :class:`AlertRules`):

* ``crossing`` — D, M or R crosses its threshold (the engine's ``thresholds`` table) between t − 1 and t:
  upward (t − 1 below, t at or above — "at or above" is the Overview's reading) is **high**, downward
  is **low** (good news, still worth knowing).
* ``worsening`` — D, M or R rises from t − 1 to t by more than ``worsen_amount`` (absolute, the metrics
  are 0..1) or by more than ``worsen_percent`` % of the t − 1 value, the latter only for a rise of at
  least 0.01 (``PERCENT_FLOOR``): **medium**.  Both criteria because
  an absolute step misses a small value doubling and a percentage overreacts near zero; either set to 0
  is off.  For all three metrics higher is riskier.  A step already reported as an upward crossing is
  not reported again as a worsening (one alert per change, the more severe).
* ``trend`` — a trend (the ``trends`` table, over the years selected) is ``rising`` or the metric is
  ``persistently_high`` (every year at or above its threshold): **medium**, dated its last year.
* ``matrix`` — a risk-matrix cell, or the whole chain's aggregate (:func:`desktop.core.chain.matrix.matrix_table`,
  needs the dataset or a matrix table) is at a higher level in t than in t − 1: **medium**.  The stage,
  dimension and grid aggregates are not reported: they only echo the cell that rose.  A cell that goes
  from "needs judgement" to a level is not a rise: nothing was known before.
* ``event`` — a policy event of the dataset's ``events`` table starts in year t: **high** for a ban
  (export ban, waste-import ban: the flow can stop), **medium** for any other instrument.
* ``share`` — one country's production share (``production_shares``, the named producers, not the
  "others" rest) passes ``share_level`` from t − 1 to t: **high** — a single supplier now holds that
  much of the market.

Each alert names its source: ``table`` and ``key`` (the results row, for the window to open the view
with the cell selected, and for Details), ``indicator``; ``what`` is a catalogue Message (English as a
``str``, ``.text("zh")`` in Chinese), ``from_value`` / ``to_value`` the numbers compared.  Alerts are
sorted newest first, then high before medium before low, then by mineral.  See docs/alerts.md.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from desktop.core.alert_rules import RULES, SEVERITIES, AlertRules  # noqa: F401  (re-exported: the API)
from desktop.core.messages import CountryName, Message, msg

COLUMNS = ["year", "severity", "mineral", "indicator", "stage", "country", "what", "from_value", "to_value",
           "rule", "table", "key"]
BANS = ("export_ban", "waste_import_ban")
# metric -> (table, value column, the columns that tell its rows apart besides year)
_METRICS = {"D": ("import_dependency", "D", ["mineral", "country", "stage"]),
            "M": ("market_dynamics", "M", ["mineral"]),
            "R": ("supply_risk", "R", ["mineral", "stage"])}
_SHARES = {"D"}                     # shown as percentages


def compute_alerts(results, dataset=None, rules: AlertRules | None = None, *, country: str | None = None,
                   minerals: list[str] | None = None, matrix: pd.DataFrame | None = None,
                   year: int | None = None) -> pd.DataFrame:
    """Every alert of the rules that are on, newest first; columns :data:`COLUMNS`.

    ``country``: the assessed country of D (see :func:`~desktop.core.metrics.overview.assessed_country`;
    None and several countries in the results = every country's D).  ``minerals``: None = all.
    ``matrix``: a :func:`matrix_table` frame already computed (``critmin compute`` has one); else it is
    built from ``dataset`` when the matrix rule is on and a dataset is given.  ``year``: only the alerts of
    that year (the Overview's count; the matrix is then built for that year and the one before only).
    ``rules``: None = the default rules (``AlertRules()``).
    """
    rules = rules if rules is not None else AlertRules()
    from desktop.core.metrics.overview import assessed_country, thresholds_of

    country = assessed_country(results, country)
    wanted = set(minerals) if minerals is not None else None
    thresholds = thresholds_of(results)
    rows: list[dict] = []
    # one year's alerts compare it with the year before: the other years' rows need not be stepped through
    years = None if year is None else {year - 1, year}
    if rules.crossing or rules.worsening:
        for metric in _METRICS:
            rows += _metric_alerts(results, metric, thresholds.get(metric), rules, country, wanted, years)
    if rules.trend:
        rows += _trend_alerts(results, thresholds, country, wanted)
    if rules.matrix and (matrix is not None or dataset is not None):
        if matrix is None:
            from desktop.core.chain.matrix import matrix_table

            matrix = matrix_table(results, dataset, minerals, None if year is None else [year - 1, year],
                                  country=country)
        rows += _matrix_alerts(matrix, wanted)
    if rules.event and dataset is not None and "events" in dataset:
        rows += _event_alerts(dataset.get("events"), wanted)
    if rules.share:
        rows += _share_alerts(results, rules.share_level, wanted, years)
    out = _sorted(pd.DataFrame(rows, columns=COLUMNS))
    return out if year is None else out[out["year"] == year].reset_index(drop=True)


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    if len(frame) == 0:
        return frame.astype({"year": "int64", "from_value": float, "to_value": float})
    frame["year"] = frame["year"].astype("int64")
    for col in ("from_value", "to_value"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype(float)
    rank = frame["severity"].map({s: i for i, s in enumerate(SEVERITIES)})
    order = np.lexsort((frame["mineral"].astype(str).to_numpy(), rank.to_numpy(), -frame["year"].to_numpy()))
    return frame.iloc[order].reset_index(drop=True)


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _fmt(value: float, share: bool) -> str:
    """A value as the alert's sentence shows it: a share as a percentage, a score with three decimals."""
    if value is None or not math.isfinite(value):
        return "–"
    return f"{value * 100:.1f} %" if share else f"{value:.3f}"


def _steps(frame: pd.DataFrame, keys: list[str], column: str) -> pd.DataFrame:
    """One row per key and year t whose year t − 1 also has a value: keys, year, before, after."""
    data = frame[keys + ["year", column]].copy()
    for key in keys:
        data[key] = data[key].astype(object).where(data[key].notna(), "")
    data[column] = pd.to_numeric(data[column], errors="coerce")
    data = data[np.isfinite(data[column].to_numpy(dtype=float))]
    data["year"] = data["year"].astype("int64")
    after = data.rename(columns={column: "after"})
    before = data.assign(year=data["year"] + 1).rename(columns={column: "before"})
    return after.merge(before, on=keys + ["year"], how="inner")


def _filter(frame: pd.DataFrame | None, wanted: set | None, years: set | None = None) -> pd.DataFrame | None:
    """The rows of the ``wanted`` minerals (None: all) and, when given, of ``years`` only."""
    if frame is None or len(frame) == 0:
        return None
    keep = np.ones(len(frame), dtype=bool)
    if wanted is not None:
        keep &= frame["mineral"].isin(wanted).to_numpy()
    if years is not None and "year" in frame:
        keep &= frame["year"].isin(years).to_numpy()
    return frame if keep.all() else frame[keep]


def _metric_alerts(results, metric: str, threshold: float | None, rules: AlertRules, country: str | None,
                   wanted: set | None, years: set | None = None) -> list[dict]:
    table, column, keys = _METRICS[metric]
    frame = _filter(results.tables.get(table), wanted, years)
    if frame is None or column not in frame:
        return []
    if "country" in keys and country:
        frame = frame[frame["country"] == country]
    keys = [k for k in keys if k in frame.columns]
    share = metric in _SHARES
    out = []
    for step in _steps(frame, keys, column).itertuples(index=False):
        before, after = float(step.before), float(step.after)
        base = {"year": step.year, "mineral": step.mineral, "indicator": metric,
                "stage": getattr(step, "stage", ""), "country": getattr(step, "country", ""),
                "from_value": before, "to_value": after, "table": table,
                "key": {k: getattr(step, k) for k in keys} | {"year": int(step.year)}}
        shown = {"indicator": metric, "before": _fmt(before, share), "after": _fmt(after, share)}
        if rules.crossing and threshold is not None and before < threshold <= after:
            out.append({**base, "severity": "high", "rule": "crossing",
                        "what": msg("alert.crossed_up", threshold=_fmt(threshold, share), **shown)})
            continue
        if rules.crossing and threshold is not None and after < threshold <= before:
            out.append({**base, "severity": "low", "rule": "crossing",
                        "what": msg("alert.crossed_down", threshold=_fmt(threshold, share), **shown)})
            continue
        if rules.worsening and _worsened(before, after, rules):
            percent = f"{(after - before) / before * 100:+.0f}" if before > 0 else "–"
            change = f"{(after - before) * 100:.1f} pp" if share else f"{after - before:.3f}"
            out.append({**base, "severity": "medium", "rule": "worsening",
                        "what": msg("alert.worsened", change=change, percent=percent, **shown)})
    return out


PERCENT_FLOOR = 0.01


def _worsened(before: float, after: float, rules: AlertRules) -> bool:
    rise = after - before
    if rise <= 0:
        return False
    by_amount = rules.worsen_amount > 0 and rise > rules.worsen_amount + 1e-12
    # a percentage of a value near zero overreacts (R 0.005 → 0.010 is +100 %): it counts from a rise of
    # PERCENT_FLOOR up, a tenth of the metrics' 0..1 range split in ten
    by_percent = (rules.worsen_percent > 0 and before > 0 and rise >= PERCENT_FLOOR
                  and rise / before * 100 > rules.worsen_percent + 1e-9)
    return by_amount or by_percent


def _trend_alerts(results, thresholds: dict, country: str | None, wanted: set | None) -> list[dict]:
    trends = _filter(results.tables.get("trends"), wanted)
    if trends is None:
        return []
    if country and "country" in trends:
        trends = trends[trends["country"].isin({"", country})]
    out = []
    values_of: dict[str, dict] = {}        # metric -> its values by (mineral, country, stage, year), made once
    for row in trends.itertuples(index=False):
        first, last = _year(getattr(row, "first_year", None)), _year(getattr(row, "last_year", None))
        if first is None or last is None:             # insufficient data: no years to date it by
            continue
        metric, stage, ctry = str(row.metric), _text(row.stage), _text(row.country)
        key = {"metric": metric, "mineral": row.mineral, "country": ctry, "stage": stage}
        if metric not in values_of:
            values_of[metric] = _values_by_key(results, metric, wanted, country)
        by_key = values_of[metric]
        keyed = _METRICS.get(metric, ("", "", []))[2]     # a key column the metric lacks matches any value
        at = (row.mineral, ctry if "country" in keyed else "", stage if "stage" in keyed else "")
        values = (by_key.get((*at, first), math.nan), by_key.get((*at, last), math.nan))
        base = {"year": last, "mineral": row.mineral, "indicator": metric, "stage": stage, "country": ctry,
                "from_value": values[0], "to_value": values[1], "rule": "trend", "table": "trends", "key": key,
                "severity": "medium"}
        if row.trend == "rising":
            out.append({**base, "what": msg("alert.trend_rising", indicator=metric, first=first, last=last)})
        if getattr(row, "persistently", "") == "persistently_high":
            threshold = thresholds.get(metric)
            out.append({**base, "what": msg("alert.persistently_high", indicator=metric, first=first, last=last,
                                            threshold=_fmt(threshold, metric in _SHARES)
                                            if threshold is not None else "–")})
    return out


def _year(value) -> int | None:
    """A year cell as an int; None for an empty one (None, NaN, pd.NA)."""
    try:
        return None if pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def _values_by_key(results, metric: str, wanted: set | None, country: str | None) -> dict:
    """The metric's values by (mineral, country, stage, year) — "" for a key the table does not have — so that
    each trend's first and last values are a look-up, not a scan of the whole table (which, per trend, took
    seconds on a project of all the shared data, holding the GUI thread's share of the interpreter)."""
    spec = _METRICS.get(metric)
    if spec is None:
        return {}
    frame = _filter(results.tables.get(spec[0]), wanted)
    if frame is None or spec[1] not in frame:
        return {}
    if country and "country" in spec[2] and "country" in frame:
        frame = frame[frame["country"].isin({"", country})]
    n = len(frame)

    def key_column(col: str) -> np.ndarray:
        if col not in spec[2] or col not in frame:
            return np.full(n, "", dtype=object)
        values = frame[col].astype(object)
        return values.where(values.notna(), "").to_numpy(dtype=object)

    values = pd.to_numeric(frame[spec[1]], errors="coerce").to_numpy(dtype=float)
    years = pd.to_numeric(frame["year"], errors="coerce").fillna(-1).astype("int64").to_numpy()
    keys = zip(frame["mineral"].astype(object).to_numpy(), key_column("country"), key_column("stage"), years.tolist())
    return dict(zip(keys, values.tolist()))


def _matrix_alerts(matrix: pd.DataFrame, wanted: set | None) -> list[dict]:
    from desktop.core.chain.levels import LEVELS

    matrix = _filter(matrix, wanted)
    if matrix is None:
        return []
    keys = ["mineral", "stream", "stage", "dimension"]
    # cells, and the whole chain; the stage, dimension and grid aggregates only echo the cell that rose
    cell = (matrix["stage"] != "") & (matrix["dimension"] != "") & (matrix["stream"] != "chain")
    whole = (matrix["stream"] == "chain") & (matrix["stage"] == "") & (matrix["dimension"] == "")
    matrix = matrix[cell | whole]
    scored = matrix[matrix["level"].isin(LEVELS)].assign(
        rank=lambda f: f["level"].map({lvl: i for i, lvl in enumerate(LEVELS)}).astype(float))
    levels = {(r.mineral, r.year, r.stream, r.stage, r.dimension): (r.level, r.score)
              for r in scored.itertuples(index=False)}
    out = []
    for step in _steps(scored, keys, "rank").itertuples(index=False):
        if step.after <= step.before:
            continue
        level_to, score_to = levels[(step.mineral, step.year, step.stream, step.stage, step.dimension)]
        level_from, score_from = levels[(step.mineral, step.year - 1, step.stream, step.stage, step.dimension)]
        out.append({"year": step.year, "severity": "medium", "mineral": step.mineral, "indicator": "matrix",
                    "stage": step.stage, "country": "", "rule": "matrix", "table": "risk_matrix",
                    "from_value": score_from, "to_value": score_to,
                    "key": {"mineral": step.mineral, "year": int(step.year), "stream": step.stream,
                            "stage": step.stage, "dimension": step.dimension},
                    "what": msg("alert.matrix_up", scope=_scope(step.stream, step.stage, step.dimension),
                                before=Message(f"alert.level.{level_from}"), after=Message(f"alert.level.{level_to}"))})
    return out


def _scope(stream: str, stage: str, dimension: str) -> Message:
    """Which part of the matrix rose: a cell, a stage's or a dimension's aggregate, a grid, the chain."""
    words = {"stream": Message(f"alert.stream.{stream}"), "stage": Message(f"alert.stage.{stage}"),
             "dimension": Message(f"alert.dimension.{dimension}")}
    if stream == "chain":
        return msg("alert.scope.chain_stage", stage=words["stage"]) if stage else msg("alert.scope.chain")
    if stage and dimension:
        return msg("alert.scope.cell", **words)
    if stage:
        return msg("alert.scope.stage", stream=words["stream"], stage=words["stage"])
    if dimension:
        return msg("alert.scope.dimension", stream=words["stream"], dimension=words["dimension"])
    return msg("alert.scope.stream", stream=words["stream"])


def _event_alerts(events: pd.DataFrame, wanted: set | None) -> list[dict]:
    from desktop.core.chain.events import EVENT_NAMES, EVENT_TYPES

    events = _filter(events, wanted)
    if events is None:
        return []
    out = []
    for row in events.itertuples(index=False):
        kind, stage = _text(row.type), _text(row.stage)
        grade = EVENT_TYPES[kind].grade if kind in EVENT_TYPES else math.nan
        out.append({"year": int(row.start_year), "severity": "high" if kind in BANS else "medium",
                    "mineral": row.mineral, "indicator": "event", "stage": stage, "country": _text(row.country),
                    "from_value": math.nan, "to_value": grade, "rule": "event", "table": "events",
                    "key": {"country": _text(row.country), "mineral": row.mineral, "stage": stage, "type": kind,
                            "start_year": int(row.start_year)},
                    "what": msg("alert.event_started", country=CountryName(code=_text(row.country)),
                                event=Message(f"alert.event.{kind}") if kind in EVENT_NAMES else kind,
                                stage=Message(f"alert.stage.{stage}") if stage else Message("alert.stage.all"))})
    return out


def _share_alerts(results, level: float, wanted: set | None, years: set | None = None) -> list[dict]:
    from desktop.core.metrics.overview import OTHERS

    shares = _filter(results.tables.get("production_shares"), wanted, years)
    if shares is None:
        return []
    shares = shares[shares["country"] != OTHERS]
    keys = [k for k in ("mineral", "stage", "country") if k in shares]
    out = []
    for step in _steps(shares, keys, "share").itertuples(index=False):
        if not step.before < level <= step.after:
            continue
        stage = getattr(step, "stage", "")
        word = Message(f"alert.production.{stage}") if stage in ("mine", "refinery") else \
            Message("alert.production.any")
        out.append({"year": step.year, "severity": "high", "mineral": step.mineral, "indicator": "share",
                    "stage": stage, "country": step.country, "rule": "share", "table": "production_shares",
                    "from_value": float(step.before), "to_value": float(step.after),
                    "key": {"mineral": step.mineral, "year": int(step.year), "stage": stage, "country": step.country},
                    "what": msg("alert.share_passed", country=CountryName(code=step.country), stage=word,
                                level=_fmt(level, True), before=_fmt(step.before, True), after=_fmt(step.after, True))})
    return out


SHEET_COLUMNS = ["year", "severity", "mineral", "mineral_zh", "indicator", "stage", "country", "what", "what_zh",
                 "from_value", "to_value", "rule", "table", "key"]


def alerts_sheet(alerts: pd.DataFrame) -> pd.DataFrame:
    """The alerts as a workbook sheet: ``what`` in English and Chinese, ``key`` as "name=value; …" text
    (a reader of the sheet finds the row it names)."""
    out = alerts.copy()
    out["what_zh"] = [w.text("zh") if isinstance(w, Message) else _text(w) for w in out["what"]]
    out["what"] = [_text(w) for w in out["what"]]
    out["key"] = ["; ".join(f"{k}={v}" for k, v in key.items()) if isinstance(key, dict) else _text(key)
                  for key in out["key"]]
    return out
