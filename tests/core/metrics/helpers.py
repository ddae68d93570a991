"""Builders of small canonical frames for the metric tests."""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.dataset import WGI_INDICATORS, conform

nan = np.nan


def balance(rows: list[dict]) -> pd.DataFrame:
    base = {"mineral": "cobalt", "country": "USA", "year": 2020, "stage": ""}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    out = conform("balance", frame)
    for extra in ("reliance", "reliance_state"):
        if extra in frame:
            out[extra] = frame[extra].to_numpy()
    return out


def production(rows: list[tuple]) -> pd.DataFrame:
    """rows: (mineral, country, year, stage, quantity[, state])"""
    recs = [dict(mineral=r[0], country=r[1], year=r[2], stage=r[3], quantity=r[4],
                 quantity_state=r[5] if len(r) > 5 else "") for r in rows]
    return conform("production", pd.DataFrame(recs))


def governance(values: dict[tuple[str, int], float | list]) -> pd.DataFrame:
    """{(country, year): x or [x_VA, x_PV, ...]} → six (or fewer) indicator rows."""
    recs = []
    for (country, year), x in values.items():
        xs = x if isinstance(x, list) else [x] * 6
        for ind, v in zip(WGI_INDICATORS, xs):
            recs.append(dict(country=country, year=year, indicator=ind, estimate=v))
    return conform("governance", pd.DataFrame(recs))


def prices(series: dict[str, dict[int, float]]) -> pd.DataFrame:
    recs = [dict(mineral=m, year=y, price=p) for m, d in series.items() for y, p in d.items()]
    return conform("prices", pd.DataFrame(recs))


def row(frame: pd.DataFrame, **where) -> pd.Series:
    sel = np.ones(len(frame), dtype=bool)
    for k, v in where.items():
        sel &= (frame[k] == v).to_numpy()
    assert sel.sum() == 1, f"expected one row for {where}, got {sel.sum()}"
    return frame[sel].iloc[0]
