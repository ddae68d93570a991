"""Work done once per distinct value of a column, not once per row.

Data files repeat the same few names, units and flags over hundreds of thousands
of rows: :func:`map_unique` applies a Python function to each distinct value
(factorised in C) and spreads the results back.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def map_unique(values, func) -> pd.Series:
    """``func`` of each value, called once per distinct value (``func(None)`` for missing ones)."""
    values = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object), dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lookup = np.array([func(u) for u in uniques] + [func(None)], dtype=object)
    return pd.Series(lookup[codes], index=values.index, dtype=object)
