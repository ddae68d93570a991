"""The default fill rules of the risk matrix (METHODS §4): which indicator or policy event scores which cell.

Each rule is a small function of a :class:`Case` (the mineral, year, assessed country and cell, and the
indexed :class:`Inputs`) whose docstring's first line is its formula.  It returns ``(score 0..1, inputs
by name)``, or None when its data are absent — the cell is then "needs judgement" (score None), never 0.
:data:`RULES` registers every rule explicitly with its cell; one cell has at most one rule.

Primary stream (原生资源链):

* mining × political        ``R_mine``              R of mine production
* processing × political    ``R_refinery``          R of refinery production
* each stage × trade        ``export_restrictions`` max(D at the stage, grade of the strongest export
                                                    restriction in force); D for mining and processing only
* processing × technology   ``HHI_refinery``        max(HHI of refinery production, technology-transfer limits)
* other stages × technology ``technology_limits``   technology-transfer limits (0.8)
* each stage × investment   ``investment_reviews``  investment reviews (0.6)
* each stage × regulatory   ``esg_rules``           ESG / conflict-minerals rules (0.4)

Recycled stream (再生资源链):

* each stage × political    ``recycled_policies``   waste-import bans (1.0), recycled-content quotas (0.4)
* recycling × technology    ``eol_rir``             1 − EoL-RIR
* use × economic            ``M``                   market dynamics M

Where the inputs come from: R and HHI from the results' ``supply_risk`` table (per mineral, year and
production stage), D from ``import_dependency`` for the assessed country (the one asked for, else the
only country the table holds — as the Overview), M from ``market_dynamics``, EoL-RIR from the dataset's
``recycling`` table (the year's value, else the latest year before, else the nearest later year: the
rule of ``recycled_supply_risk``, so the cell is 1 − that table's eol_rir), the events from the
dataset's ``events`` table (grades and "in force" in :mod:`desktop.core.chain.events`).

The mining stage reads the production stage ``mine``, else the stage the source left unnamed (the
Overview's primary stage), but never ``refinery``: a mineral published only at the refinery stage has
no mining value, and its refinery R belongs to the processing row.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from desktop.core.chain.events import EVENT_TYPES, TRADE_RESTRICTIONS, strongest, types_for
from desktop.core.dataset import CHAIN_STAGES, DIMENSIONS, SCHEMA, STREAMS

MINE_STAGES = ("mine", "")            # the production stages the mining row reads, in order of preference
REFINERY_STAGES = ("refinery",)
D_STAGES = {"mining": MINE_STAGES, "processing": REFINERY_STAGES}   # the chain stages D is read for

Result = tuple[float, dict] | None


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _finite(value) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _records(frame: pd.DataFrame | None, keep: set | None) -> list[dict]:
    if frame is None or len(frame) == 0:
        return []
    if keep is not None and "mineral" in frame:
        frame = frame[frame["mineral"].isin(keep)]
    return frame.to_dict("records")


def _group(rows: list[dict], keys: tuple[str, ...]) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = {}
    for row in rows:
        out.setdefault(tuple(row[k] if k != "year" else int(row[k]) for k in keys), []).append(row)
    return out


class Inputs:
    """The rules' inputs for some minerals (None = all), indexed once by mineral and year.

    ``results`` is the engine's :class:`~desktop.core.metrics.engine.Results` (or None: no computed
    inputs), ``dataset`` the :class:`~desktop.core.dataset.Dataset` (or None).  Built once for a whole
    table of matrices, so that no rule scans a results table.
    """

    def __init__(self, results=None, dataset=None, minerals=None):
        keep = None if minerals is None else set(minerals)
        tables = getattr(results, "tables", None) or {}
        self._supply = _group(_records(tables.get("supply_risk"), keep), ("mineral", "year"))
        self._dependency = _group(_records(tables.get("import_dependency"), keep), ("mineral", "year", "country"))
        self._market = _group(_records(tables.get("market_dynamics"), keep), ("mineral", "year"))

        def table(name: str) -> pd.DataFrame | None:
            return dataset.get(name) if dataset is not None and name in SCHEMA else None

        self._events = _group(_records(table("events"), keep), ("mineral",))
        recycling: dict[str, list[tuple[int, float]]] = {}
        for row in _records(table("recycling"), keep):
            if _finite(row["eol_rir"]) and 0.0 <= float(row["eol_rir"]) <= 1.0:
                recycling.setdefault(row["mineral"], []).append((int(row["year"]), float(row["eol_rir"])))
        self._recycling = {m: sorted(v) for m, v in recycling.items()}
        self.country = _assessed_country(results)

    @staticmethod
    def _first(rows: list[dict], column: str, stages: tuple[str, ...]) -> tuple[float, str] | None:
        """(value, stage) of the first stage of ``stages`` whose row has a number in ``column``."""
        for stage in stages:
            for row in rows:
                if _text(row.get("stage")) == stage and _finite(row.get(column)):
                    return float(row[column]), stage
        return None

    def supply(self, mineral: str, year: int, column: str, stages: tuple[str, ...]) -> tuple[float, str] | None:
        """R or HHI (``column``) of the supply_risk table at the first of ``stages`` that has it."""
        return self._first(self._supply.get((mineral, year), []), column, stages)

    def dependency(self, mineral: str, year: int, country: str | None,
                   stages: tuple[str, ...]) -> tuple[float, str] | None:
        """D of ``country`` at the first of ``stages`` that has it (None without a country)."""
        if not country:
            return None
        return self._first(self._dependency.get((mineral, year, country), []), "D", stages)

    def market(self, mineral: str, year: int) -> float | None:
        rows = [r for r in self._market.get((mineral, year), []) if _finite(r.get("M"))]
        return float(rows[0]["M"]) if rows else None

    def eol_rir(self, mineral: str, year: int) -> tuple[float, int] | None:
        """(EoL-RIR, the year it is of): the year's value, else the latest before, else the nearest later."""
        series = self._recycling.get(mineral)
        if not series:
            return None
        before = [(y, v) for y, v in series if y <= year]
        y, v = before[-1] if before else series[0]
        return v, y

    def event(self, mineral: str, year: int, stage: str, types: tuple[str, ...]) -> dict | None:
        """The strongest event of ``types`` in force in ``year`` at ``stage`` (events.strongest)."""
        return strongest(self._events.get((mineral,), []), year, stage, types)


def _assessed_country(results) -> str | None:
    if results is None:
        return None
    from desktop.core.metrics.overview import assessed_country  # the Overview's rule, not a copy of it

    return assessed_country(results)


@dataclass(frozen=True)
class Case:
    """One cell to fill: which mineral, year, assessed country and cell, and the inputs to read."""

    mineral: str
    year: int
    country: str | None
    stream: str
    stage: str
    dimension: str
    inputs: Inputs


def _event_inputs(event: dict, prefix: str = "") -> dict:
    """The inputs naming an event: its type, country, years, grade and source."""
    end = event.get("end_year")
    return {f"{prefix}event": event["type"], f"{prefix}event_country": event["country"],
            f"{prefix}event_start": int(event["start_year"]),
            f"{prefix}event_end": int(end) if end is not None and _finite(end) else None,
            f"{prefix}event_grade": EVENT_TYPES[event["type"]].grade,
            f"{prefix}event_source": _text(event.get("source"))}


def _events_only(case: Case, types: tuple[str, ...]) -> Result:
    event = case.inputs.event(case.mineral, case.year, case.stage, types)
    if event is None:
        return None
    return EVENT_TYPES[event["type"]].grade, _event_inputs(event)


# -- the rules ---------------------------------------------------------------------------------------
def mine_supply_risk(case: Case) -> Result:
    """score = R of mine production (supply_risk; stage mine, else the stage the source left unnamed)

    R is the reference paper's supply risk, HHI weighted by the producers' governance and min-max scaled
    over every mineral and year, so it is a 0..1 score already.
    """
    found = case.inputs.supply(case.mineral, case.year, "R", MINE_STAGES)
    if found is None:
        return None
    R, stage = found
    return R, {"R": R, "stage": stage}


def refinery_supply_risk(case: Case) -> Result:
    """score = R of refinery production (supply_risk, stage refinery)

    Refining is often more concentrated than mining (rare earths, graphite, cobalt): its own R, not the
    mine's, is the political risk of the processing link.
    """
    found = case.inputs.supply(case.mineral, case.year, "R", REFINERY_STAGES)
    if found is None:
        return None
    R, stage = found
    return R, {"R": R, "stage": stage}


def export_restrictions(case: Case) -> Result:
    """score = max(D of the assessed country at the stage, g(strongest export restriction in force at the stage))

    g: export ban 1.0, export quota 0.8, export licence 0.6, tariff / anti-dumping / countervailing duty 0.4.
    D (import dependency, 0..1) is read for mining (stage mine, else unnamed) and processing (stage
    refinery): how much the assessed country relies on trade for the link.  A restriction by any country
    counts: an exporter's ban is a trade risk for every importer.  Either term alone fills the cell.
    """
    d = case.inputs.dependency(case.mineral, case.year, case.country, D_STAGES.get(case.stage, ()))
    event = case.inputs.event(case.mineral, case.year, case.stage, TRADE_RESTRICTIONS)
    if d is None and event is None:
        return None
    inputs: dict = {}
    terms = []
    if d is not None:
        inputs.update(D=d[0], D_stage=d[1], country=case.country)
        terms.append(d[0])
    if event is not None:
        inputs.update(_event_inputs(event))
        terms.append(EVENT_TYPES[event["type"]].grade)
    return max(terms), inputs


def refinery_technology(case: Case) -> Result:
    """score = max(HHI of refinery production, g(strongest technology-transfer limit in force at processing) = 0.8)

    A refining market held by few countries is the technology monopoly METHODS §4 names; a limit on
    transferring the refining technology keeps it so.
    """
    found = case.inputs.supply(case.mineral, case.year, "HHI", REFINERY_STAGES)
    event = case.inputs.event(case.mineral, case.year, case.stage, types_for("primary", "technology"))
    if found is None and event is None:
        return None
    inputs: dict = {}
    terms = []
    if found is not None:
        inputs.update(HHI=found[0], stage=found[1])
        terms.append(found[0])
    if event is not None:
        inputs.update(_event_inputs(event))
        terms.append(EVENT_TYPES[event["type"]].grade)
    return max(terms), inputs


def technology_limits(case: Case) -> Result:
    """score = g(strongest technology-transfer limit in force at the stage) = 0.8"""
    return _events_only(case, types_for("primary", "technology"))


def investment_reviews(case: Case) -> Result:
    """score = g(strongest investment review in force at the stage) = 0.6"""
    return _events_only(case, types_for("primary", "investment"))


def esg_rules(case: Case) -> Result:
    """score = g(strongest ESG or conflict-minerals rule in force at the stage) = 0.4"""
    return _events_only(case, types_for("primary", "regulatory"))


def recycled_policies(case: Case) -> Result:
    """score = g(strongest waste-import ban (1.0) or recycled-content quota (0.4) in force at the stage)"""
    return _events_only(case, types_for("recycled", "political"))


def recycling_technology(case: Case) -> Result:
    """score = 1 − EoL-RIR (recycling table: the year's value, else the latest year before, else the nearest later)

    EoL-RIR is the share of the material's input that comes from end-of-life scrap: what recycling
    technology and practice achieve today.  The less of it, the weaker the recycled link.
    """
    found = case.inputs.eol_rir(case.mineral, case.year)
    if found is None:
        return None
    eol, year = found
    return 1.0 - eol, {"eol_rir": eol, "eol_rir_year": year}


def market_economics(case: Case) -> Result:
    """score = M, the market dynamics of the year (market_dynamics: price volatility, min-max scaled)

    A volatile price makes collection and recycling, with their fixed technology and reverse-logistics
    costs, a poor investment.
    """
    M = case.inputs.market(case.mineral, case.year)
    if M is None:
        return None
    return M, {"M": M}


# -- the registry ------------------------------------------------------------------------------------
FORMULAS_ZH = {
    "R_mine": "分值 = 矿山产量的供应风险 R（supply_risk；矿山环节，否则来源未注明的环节）",
    "R_refinery": "分值 = 冶炼产量的供应风险 R（supply_risk，冶炼环节）",
    "export_restrictions": "分值 = max(评估国在该环节的进口依存度 D, 该环节当年有效的最强出口限制的等级)；"
                           "等级：出口禁令 1.0、出口配额 0.8、出口许可 0.6、关税/反倾销/反补贴 0.4",
    "HHI_refinery": "分值 = max(冶炼产量的集中度 HHI, 当年有效的最强技术出口限制的等级 0.8)",
    "technology_limits": "分值 = 该环节当年有效的最强技术出口限制的等级 0.8",
    "investment_reviews": "分值 = 该环节当年有效的最强投资审查的等级 0.6",
    "esg_rules": "分值 = 该环节当年有效的最强 ESG/冲突矿产规则的等级 0.4",
    "recycled_policies": "分值 = 该环节当年有效的最强废料进口禁令（1.0）或再生材料含量配额（0.4）的等级",
    "eol_rir": "分值 = 1 − 报废回收输入率 EoL-RIR（回收率表：当年值，否则此前最近一年，否则此后最近一年）",
    "M": "分值 = 当年的市场动态 M（market_dynamics：价格波动，最小-最大归一化）",
}


@dataclass(frozen=True)
class Rule:
    id: str
    stream: str
    stage: str
    dimension: str
    fn: Callable[[Case], Result]

    def formula(self, lang: str = "en") -> str:
        """The rule's formula in one line: its function's docstring's first line (Chinese: FORMULAS_ZH)."""
        if lang == "zh":
            return FORMULAS_ZH[self.id]
        return (self.fn.__doc__ or "").strip().splitlines()[0]

    def apply(self, case: Case) -> Result:
        """The rule's (score clipped to 0..1, inputs), or None when its data are absent."""
        result = self.fn(case)
        if result is None or not _finite(result[0]):
            return None
        return min(1.0, max(0.0, float(result[0]))), dict(result[1])


RULES: tuple[Rule, ...] = (
    Rule(id="R_mine", stream="primary", stage="mining", dimension="political", fn=mine_supply_risk),
    Rule(id="R_refinery", stream="primary", stage="processing", dimension="political", fn=refinery_supply_risk),
    *(Rule(id="export_restrictions", stream="primary", stage=s, dimension="trade", fn=export_restrictions)
      for s in CHAIN_STAGES),
    Rule(id="technology_limits", stream="primary", stage="mining", dimension="technology", fn=technology_limits),
    Rule(id="HHI_refinery", stream="primary", stage="processing", dimension="technology", fn=refinery_technology),
    Rule(id="technology_limits", stream="primary", stage="use", dimension="technology", fn=technology_limits),
    Rule(id="technology_limits", stream="primary", stage="recycling", dimension="technology", fn=technology_limits),
    *(Rule(id="investment_reviews", stream="primary", stage=s, dimension="investment", fn=investment_reviews)
      for s in CHAIN_STAGES),
    *(Rule(id="esg_rules", stream="primary", stage=s, dimension="regulatory", fn=esg_rules) for s in CHAIN_STAGES),
    *(Rule(id="recycled_policies", stream="recycled", stage=s, dimension="political", fn=recycled_policies)
      for s in CHAIN_STAGES),
    Rule(id="eol_rir", stream="recycled", stage="recycling", dimension="technology", fn=recycling_technology),
    Rule(id="M", stream="recycled", stage="use", dimension="economic", fn=market_economics),
)
RULE_FOR: dict[tuple[str, str, str], Rule] = {(r.stream, r.stage, r.dimension): r for r in RULES}
assert len(RULE_FOR) == len(RULES), "one rule per cell"
assert all(r.stream in STREAMS and r.stage in CHAIN_STAGES and r.dimension in DIMENSIONS[r.stream] for r in RULES)
assert set(FORMULAS_ZH) == {r.id for r in RULES}


def rule_for(stream: str, stage: str, dimension: str) -> Rule | None:
    """The rule that fills a cell, or None: the cell is always the analyst's."""
    return RULE_FOR.get((stream, stage, dimension))


def rule_by_id(rule_id: str) -> Rule | None:
    """A rule by its id (rules registered for several cells share an id and a formula)."""
    return next((r for r in RULES if r.id == rule_id), None)
