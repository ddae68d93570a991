"""The analysis period: the rows of the years an analysis covers."""
from __future__ import annotations

import numpy as np


def in_years(years: np.ndarray, params) -> np.ndarray:
    rng = params.year_range() if params is not None else None
    if rng is None:
        return np.ones(len(years), dtype=bool)
    return (years >= rng[0]) & (years <= rng[1])
