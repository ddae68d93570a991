"""Min-max scaling of an indicator over the analysis (R, M, G: METHODS §2)."""
from __future__ import annotations

import numpy as np


def minmax(values: np.ndarray) -> tuple[np.ndarray, bool]:
    """Min-max scale over every finite value; (scaled, constant).

    All finite values equal → 0 everywhere (``constant`` True, callers flag it).
    NaN stays NaN.
    """
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    if not finite.any():
        return np.full(values.shape, np.nan), False
    lo = values[finite].min()
    hi = values[finite].max()
    if hi <= lo:
        return np.where(finite, 0.0, np.nan), True
    scaled = (values - lo) / (hi - lo)
    # exact 0 and 1 at the extremes, whatever the rounding
    scaled = np.where(values == lo, 0.0, np.where(values == hi, 1.0, scaled))
    return np.clip(scaled, 0.0, 1.0), False
