"""Build the dual-chain risk matrix of a mineral and year (METHODS §4), and its table for the overview and the workbook.

:func:`build_matrix` fills every cell in three steps:

1. the cell's default rule (:mod:`desktop.core.chain.rules`) computes a score from the results and the
   dataset, or finds its data absent;
2. the analyst's score from the dataset's ``chain_risk`` table, where there is one, overrides it: the
   cell shows the analyst's score (origin ``analyst``) and keeps the rule's in ``Cell.computed``, so that
   removing the ``chain_risk`` row brings the computed value back (the revert).  ``chain_risk`` has no
   year: an analyst's judgement applies to every year of the mineral, because a judgement such as "the
   recycling system is incomplete" is evidence about the chain, not a yearly statistic; a judgement that
   changes with time is written in the note;
3. a cell neither fills is "needs judgement" (origin ``needs_judgement``, score None) — never 0, and it
   is left out of every aggregate rather than counted as no risk.

A ``chain_risk`` row without a score (only a note) does not override: its note is shown on the cell.

Aggregates, over the cells that have a score, by one rule for the whole matrix:

* ``"max"`` (default) — the weakest link: a chain is as exposed as its most exposed link;
* ``"weighted_mean"`` — Σ wᵢ·sᵢ / Σ wᵢ with a weight per dimension (default 1 each; a weight of 0
  leaves the dimension out); the stages are equal.

They are taken per stage (the row), per dimension (the column), per stream (the grid), per stage over
both grids (``Matrix.stage_scores``, the overview heat map's columns) and for the whole chain (every
cell of both grids).  The weakest link is the cell with the highest score of both grids; of equal
scores the first in stage order, then primary before recycled, then dimension order.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from desktop.core.chain.levels import level_of
from desktop.core.chain.model import ANALYST, COMPUTED, NEEDS_JUDGEMENT, Cell, Grid, Matrix
from desktop.core.chain.rules import Case, Inputs, rule_for
from desktop.core.dataset import CHAIN_STAGES, DIMENSIONS, STREAMS

AGGREGATION_RULES = ("max", "weighted_mean")
ALL_DIMENSIONS = tuple(dict.fromkeys(DIMENSIONS["primary"] + DIMENSIONS["recycled"]))
CHAIN = "chain"                        # the stream of the whole chain's rows in matrix_table
AGGREGATE = "aggregate"                # the origin of an aggregate row in matrix_table
TABLE_COLUMNS = ["mineral", "year", "stream", "stage", "dimension", "score", "level", "origin", "computed", "rule",
                 "inputs", "note", "edited"]
_ANALYST_SOURCE = re.compile(r"^\s*analyst\b\s*(.*?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Judgement:
    score: float | None
    note: str
    edited: str


# -- the analyst's rows ----------------------------------------------------------------------------
def override_row(mineral: str, stream: str, stage: str, dimension: str, score: float | None, note: str = "",
                 now: datetime | None = None) -> dict:
    """The ``chain_risk`` row the GUI writes when the analyst overrides a cell (source "analyst <time>").

    ``score`` 0..1 (None: a note without a score, which does not override); ``now`` the edit time (default:
    the current time in UTC), written as an ISO date-time to the second, which :class:`Cell` gives back
    as ``edited``.  Reverting is deleting the row (its key: :func:`override_key`).  ValueError for a cell
    that is not in the matrix or a score outside 0..1.
    """
    key = override_key(mineral, stream, stage, dimension)
    if score is not None and not (math.isfinite(float(score)) and 0.0 <= float(score) <= 1.0):
        raise ValueError(f"a risk score is between 0 and 1, not {score!r}")
    when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return {**key, "score": math.nan if score is None else float(score), "score_state": "",
            "source": f"{ANALYST} {when}", "note": note or ""}


def override_key(mineral: str, stream: str, stage: str, dimension: str) -> dict:
    """The key columns of a cell's ``chain_risk`` row (the row to delete to revert an override)."""
    if stream not in STREAMS or stage not in CHAIN_STAGES or dimension not in DIMENSIONS[stream]:
        raise ValueError(f"{stream} / {stage} / {dimension} is not a cell of the risk matrix")
    return {"mineral": mineral, "stream": stream, "stage": stage, "dimension": dimension}


def edited_of(source: object) -> str:
    """The edit time of a ``chain_risk`` source "analyst <ISO date-time>"; "" for any other source."""
    match = _ANALYST_SOURCE.match("" if source is None else str(source))
    if not match or not match.group(1):
        return ""
    try:
        datetime.fromisoformat(match.group(1))
    except ValueError:
        return ""
    return match.group(1)


def _judgements(dataset, minerals: set | None) -> dict[tuple, _Judgement]:
    """{(mineral, stream, stage, dimension): the analyst's score, note and edit time} from chain_risk."""
    frame = dataset.get("chain_risk") if dataset is not None else None
    if frame is None or len(frame) == 0:
        return {}
    if minerals is not None:
        frame = frame[frame["mineral"].isin(minerals)]
    out = {}
    for row in frame.to_dict("records"):
        score = row.get("score")
        usable = score is not None and math.isfinite(float(score))
        note = row.get("note")
        out[(row["mineral"], row["stream"], row["stage"], row["dimension"])] = _Judgement(
            score=min(1.0, max(0.0, float(score))) if usable else None,
            note="" if note is None or (isinstance(note, float) and math.isnan(note)) else str(note),
            edited=edited_of(row.get("source")))
    return out


# -- building --------------------------------------------------------------------------------------
def build_matrix(results, dataset, mineral: str, year: int, *, country: str | None = None, rule: str = "max",
                 weights: dict | None = None) -> Matrix:
    """The matrix of ``mineral`` in ``year``: rules, then the analyst's scores, then the aggregates.

    ``results`` are the engine's results (None: only the dataset's events, EoL-RIR and the analyst's
    scores), ``dataset`` the project's data; ``country`` the assessed country of D (default: the only
    country of the D table, as the Overview); ``rule`` "max" or "weighted_mean"; ``weights`` {dimension:
    weight ≥ 0} for the weighted mean (missing dimensions 1).
    """
    inputs = Inputs(results, dataset, [mineral])
    return _build(inputs, _judgements(dataset, {mineral}), mineral, int(year), country or inputs.country,
                  rule, _weights(rule, weights))


def _weights(rule: str, weights: dict | None) -> dict[str, float]:
    if rule not in AGGREGATION_RULES:
        raise ValueError(f"the aggregation rule is one of {', '.join(AGGREGATION_RULES)}, not {rule!r}")
    unknown = set(weights or {}) - set(ALL_DIMENSIONS)
    if unknown:
        raise ValueError(f"no risk dimension {', '.join(sorted(unknown))}; the dimensions are "
                         + ", ".join(ALL_DIMENSIONS))
    out = {d: float((weights or {}).get(d, 1.0)) for d in ALL_DIMENSIONS}
    bad = [d for d, w in out.items() if not (math.isfinite(w) and w >= 0)]
    if bad:
        raise ValueError(f"a weight is a number ≥ 0 (see {', '.join(bad)})")
    return out if rule == "weighted_mean" else {}


def _cell(inputs: Inputs, judgements: dict, mineral: str, year: int, country: str | None,
          stream: str, stage: str, dimension: str) -> Cell:
    found = rule_for(stream, stage, dimension)
    case = Case(mineral=mineral, year=year, country=country, stream=stream, stage=stage, dimension=dimension,
                inputs=inputs)
    result = found.apply(case) if found else None
    computed, used = (result[0], result[1]) if result is not None else (None, {})
    rule_id = found.id if found is not None and result is not None else None
    judged = judgements.get((mineral, stream, stage, dimension))
    note, edited = (judged.note, judged.edited) if judged is not None else ("", "")
    if judged is not None and judged.score is not None:
        return Cell(stream=stream, stage=stage, dimension=dimension, score=judged.score,
                    level=level_of(judged.score), origin=ANALYST, computed=computed, rule=rule_id, inputs=used,
                    note=note, edited=edited)
    if computed is not None and found is not None:      # (a computed score has its rule)
        return Cell(stream=stream, stage=stage, dimension=dimension, score=computed, level=level_of(computed),
                    origin=COMPUTED + found.id, computed=computed, rule=found.id, inputs=used,
                    note=note or found.formula(), edited=edited)
    return Cell(stream=stream, stage=stage, dimension=dimension, score=None, level=None, origin=NEEDS_JUDGEMENT,
                note=note, edited=edited)


def aggregate(cells, rule: str = "max", weights: dict | None = None) -> float | None:
    """The aggregate score of ``cells`` by ``rule`` over those with a score; None when none has one."""
    scored = [c for c in cells if c.score is not None]
    if not scored:
        return None
    if rule == "max":
        return max(c.score for c in scored)
    w = weights or {}
    total = sum(w.get(c.dimension, 1.0) for c in scored)
    if total <= 0:
        return None
    return sum(w.get(c.dimension, 1.0) * c.score for c in scored) / total


def _order(cell: Cell) -> tuple[int, int, int]:
    return (CHAIN_STAGES.index(cell.stage), STREAMS.index(cell.stream),
            DIMENSIONS[cell.stream].index(cell.dimension))


def weakest(cells) -> Cell | None:
    """The cell with the highest score (the weakest link); of equal scores the first in stage, stream,
    dimension order.  None when no cell has a score."""
    scored = sorted((c for c in cells if c.score is not None), key=_order)
    if not scored:
        return None
    top = max(c.score for c in scored)
    return next(c for c in scored if c.score == top)


def _grid(stream: str, cells: dict, rule: str, weights: dict) -> Grid:
    stages, dims = CHAIN_STAGES, DIMENSIONS[stream]
    return Grid(stream=stream, stages=stages, dimensions=dims, cells=cells,
                stage_scores={s: aggregate([cells[(s, d)] for d in dims], rule, weights) for s in stages},
                dimension_scores={d: aggregate([cells[(s, d)] for s in stages], rule, weights) for d in dims},
                score=aggregate(cells.values(), rule, weights))


def _build(inputs: Inputs, judgements: dict, mineral: str, year: int, country: str | None, rule: str,
           weights: dict) -> Matrix:
    grids = {}
    for stream in STREAMS:
        cells = {(s, d): _cell(inputs, judgements, mineral, year, country, stream, s, d)
                 for s in CHAIN_STAGES for d in DIMENSIONS[stream]}
        grids[stream] = _grid(stream, cells, rule, weights)
    every = [c for g in grids.values() for c in g.cells.values()]
    return Matrix(mineral=mineral, year=year, primary=grids["primary"], recycled=grids["recycled"],
                  score=aggregate(every, rule, weights), weakest=weakest(every), rule=rule, weights=weights,
                  stage_scores={s: aggregate([c for c in every if c.stage == s], rule, weights)
                                for s in CHAIN_STAGES},
                  country=country)


# -- the table -------------------------------------------------------------------------------------
def matrix_minerals(results, dataset) -> list[str]:
    """Every mineral with a D, M or R row, an EoL-RIR, an event or an analyst's score, sorted by id."""
    seen: set[str] = set()
    for name in ("import_dependency", "market_dynamics", "supply_risk"):
        frame = (getattr(results, "tables", None) or {}).get(name)
        if frame is not None and len(frame):
            seen.update(str(m) for m in pd.unique(frame["mineral"]))
    for name in ("recycling", "events", "chain_risk"):
        if dataset is not None and name in dataset:
            seen.update(str(m) for m in pd.unique(dataset.get(name)["mineral"]))
    return sorted(seen)


def matrix_years(results, dataset) -> list[int]:
    """The years of the results' D, M and R (the Year selector's); else the recycling table's."""
    from desktop.core.metrics.overview import years_of

    years = years_of(results) if results is not None else []
    if not years and dataset is not None and "recycling" in dataset:
        years = sorted(int(y) for y in pd.unique(dataset.get("recycling")["year"]))
    return years


def matrix_table(results, dataset, minerals: list[str] | None = None, years: list[int] | None = None, *,
                 country: str | None = None, rule: str = "max", weights: dict | None = None) -> pd.DataFrame:
    """One row per mineral, year, stream, stage and dimension, then the aggregates; columns TABLE_COLUMNS.

    Aggregate rows (origin ``aggregate``, ``rule`` the aggregation rule, ``note`` the weakest link of the
    scope, ``inputs`` how many of its cells have a score): dimension "" for a stage of a stream, stage ""
    for a dimension, both "" for the stream; stream ``chain`` for a stage over both grids and, with
    stage "", for the whole chain.  ``minerals`` / ``years`` None: :func:`matrix_minerals` /
    :func:`matrix_years`.  ``computed`` is the rule's score (also under an override), ``edited`` the
    analyst's edit time.
    """
    minerals = matrix_minerals(results, dataset) if minerals is None else list(minerals)
    years = matrix_years(results, dataset) if years is None else [int(y) for y in years]
    inputs = Inputs(results, dataset, minerals)
    judgements = _judgements(dataset, set(minerals))
    country = country or inputs.country
    weights = _weights(rule, weights)
    rows: list[dict] = []
    for mineral in minerals:
        for year in years:
            rows.extend(matrix_rows(_build(inputs, judgements, mineral, year, country, rule, weights)))
    frame = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    frame["year"] = frame["year"].astype("int64")
    for col in ("score", "computed"):
        frame[col] = pd.to_numeric(frame[col]).astype(float)
    return frame


def matrix_rows(matrix: Matrix) -> list[dict]:
    """The rows of one matrix in :func:`matrix_table`'s layout."""
    base = {"mineral": matrix.mineral, "year": matrix.year}
    rows = []
    every = []
    for grid in (matrix.primary, matrix.recycled):
        cells = [grid.cells[(s, d)] for s in grid.stages for d in grid.dimensions]
        every += cells
        rows += [{**base, "stream": c.stream, "stage": c.stage, "dimension": c.dimension, "score": _num(c.score),
                  "level": c.level or "", "origin": c.origin, "computed": _num(c.computed), "rule": c.rule or "",
                  "inputs": inputs_text(c.inputs), "note": c.note, "edited": c.edited} for c in cells]
        for s in grid.stages:
            rows.append(_aggregate_row(base, matrix, grid.stream, s, "", [c for c in cells if c.stage == s],
                                       grid.stage_scores[s]))
        for d in grid.dimensions:
            rows.append(_aggregate_row(base, matrix, grid.stream, "", d, [c for c in cells if c.dimension == d],
                                       grid.dimension_scores[d]))
        rows.append(_aggregate_row(base, matrix, grid.stream, "", "", cells, grid.score))
    for s in CHAIN_STAGES:
        rows.append(_aggregate_row(base, matrix, CHAIN, s, "", [c for c in every if c.stage == s],
                                   matrix.stage_scores[s]))
    rows.append(_aggregate_row(base, matrix, CHAIN, "", "", every, matrix.score))
    return rows


def _aggregate_row(base: dict, matrix: Matrix, stream: str, stage: str, dimension: str, cells: list[Cell],
                   score: float | None) -> dict:
    link = weakest(cells)
    scored = sum(c.score is not None for c in cells)
    return {**base, "stream": stream, "stage": stage, "dimension": dimension, "score": _num(score),
            "level": level_of(score) or "", "origin": AGGREGATE, "computed": math.nan, "rule": matrix.rule,
            "inputs": f"{scored} of {len(cells)} cells scored",
            "note": f"weakest link: {link.stream} {link.stage} {link.dimension}" if link is not None else "",
            "edited": ""}


def _num(value: float | None) -> float:
    return math.nan if value is None else float(value)


def inputs_text(inputs: dict) -> str:
    """A cell's inputs in one line: "R=0.666897; stage=mine" (empty values left out)."""
    parts = []
    for key, value in inputs.items():
        if value is None or value == "":
            continue
        parts.append(f"{key}={value:.6g}" if isinstance(value, float) else f"{key}={value}")
    return "; ".join(parts)
