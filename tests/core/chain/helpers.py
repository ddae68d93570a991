"""Hand-built results and datasets for the risk-matrix tests: every number is chosen to be checked by eye."""
from __future__ import annotations

import math

import pandas as pd

from desktop.core.dataset import Dataset, conform
from desktop.core.metrics.engine import Results


def results(supply=(), dependency=(), market=()) -> Results:
    """Results with the tables the rules read: rows (mineral, year, stage, R, HHI), (mineral, country, year,
    stage, D), (mineral, year, M)."""
    tables = {}
    if supply:
        tables["supply_risk"] = pd.DataFrame(list(supply), columns=["mineral", "year", "stage", "R", "HHI"])
    if dependency:
        tables["import_dependency"] = pd.DataFrame(list(dependency),
                                                   columns=["mineral", "country", "year", "stage", "D"])
    if market:
        tables["market_dynamics"] = pd.DataFrame(list(market), columns=["mineral", "year", "M"])
    return Results(tables=tables)


def event(country, mineral, stage, type_, start, end=math.nan, source="", note="") -> dict:
    return {"country": country, "mineral": mineral, "stage": stage, "type": type_, "start_year": start,
            "end_year": end, "source": source, "note": note}


def judgement(mineral, stream, stage, dimension, score, note="", source="analyst") -> dict:
    return {"mineral": mineral, "stream": stream, "stage": stage, "dimension": dimension, "score": score,
            "score_state": "", "source": source, "note": note}


def dataset(events=(), recycling=(), chain_risk=()) -> Dataset:
    tables = {}
    if events:
        tables["events"] = conform("events", pd.DataFrame(list(events)))
    if recycling:
        frame = pd.DataFrame(list(recycling), columns=["mineral", "year", "eol_rir"])
        tables["recycling"] = conform("recycling", frame)
    if chain_risk:
        tables["chain_risk"] = conform("chain_risk", pd.DataFrame(list(chain_risk)))
    return Dataset(tables=tables)
