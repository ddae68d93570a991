"""Parameters of the metric engine (METHODS §2), stored with every result.

Every number the engine produces depends only on the input tables and on one
frozen :class:`EngineParams`; ``to_rows()`` lists them for the results
workbook's ``parameters`` sheet so that a result is reproducible.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

WITHHELD_POLICIES = ("exclude", "last_known", "bound")

# Named threshold presets ("preset:<name>").  0.29 is the reference paper's R threshold.
THRESHOLD_PRESETS: dict[str, float] = {"0.29": 0.29, "paper": 0.29}

_DESCRIPTIONS = {
    "country": "Assessed country (ISO3) narrowing import dependency D; empty = every country in the balance data",
    "window": "Market dynamics: number of consecutive annual prices in the window ending at year t",
    "min_points": "Market dynamics: compute a window with at least this many prices (flag partial_window); "
                  "empty = the full window is required",
    "wgi_bound": "Governance: WGI estimate bound b in Γr = 1 − (x + b)/span",
    "wgi_span": "Governance: span in Γr = 1 − (x + b)/span; empty = 2 × bound",
    "withheld_policy": "Import dependency: what a withheld (W) input means: exclude (D empty), "
                       "last_known (latest earlier year) or bound (printed net import reliance bound)",
    "threshold_method": "Threshold of M and R (and of D when d_threshold_method is set): midpoint of the two "
                        "k-means centres, distance between them, fixed:<v> or preset:<name>",
    "d_threshold": "Import dependency threshold used when d_threshold_method is empty (METHODS: D commonly uses 50%)",
    "d_threshold_method": "Threshold method for D; empty = fixed:<d_threshold>",
    "m_threshold_method": "Threshold method for M; empty = threshold_method",
    "r_threshold_method": "Threshold method for R; empty = threshold_method",
    "trend_tolerance": "Trends: a change smaller than this fraction of the mean level counts as no change "
                       "(used for the fitted change over the period, the rise/fall around an interior extreme "
                       "and for significant year-on-year moves)",
    "trend_volatility": "Trends: volatile when the std of year-on-year changes / mean level reaches this "
                        "and the direction reverses at least trend_reversals times",
    "trend_reversals": "Trends: minimum number of direction reversals (significant moves) for volatile",
    "trend_min_points": "Trends: fewer valid years than this gives insufficient_data",
    "gamma_epsilon": "Governance: floor of a clipped Γr so that the geometric mean stays > 0",
    "years": "Analysis period (first, last) inclusive; empty = every year in the data. Earlier years still "
             "feed price windows, last-known values and governance carried forward",
}


@dataclass(frozen=True)
class EngineParams:
    country: str | None = None
    window: int = 5
    min_points: int | None = None
    wgi_bound: float = 3.5
    wgi_span: float | None = None
    withheld_policy: Literal["exclude", "last_known", "bound"] = "exclude"
    threshold_method: str = "midpoint"
    d_threshold: float = 0.5
    d_threshold_method: str | None = None
    m_threshold_method: str | None = None
    r_threshold_method: str | None = None
    trend_tolerance: float = 0.10
    trend_volatility: float = 0.25
    trend_reversals: int = 2
    trend_min_points: int = 3
    gamma_epsilon: float = 1e-6
    years: tuple | None = None
    # The extended indicators' parameters (an ExtendedParams; None = their defaults).  Listed by the
    # results' own ``extended_parameters`` table, so ``to_rows`` leaves it out.
    extended: Any = None
    # The import-source parameters (an import_sources.ImportSourceParams: the governance-risk level of a partner;
    # None = the defaults); its risk level is listed in the parameters sheet.
    import_sources: Any = None

    def __post_init__(self) -> None:
        if self.withheld_policy not in WITHHELD_POLICIES:
            raise ValueError(f"withheld_policy must be one of {', '.join(WITHHELD_POLICIES)}, "
                             f"not {self.withheld_policy!r}")
        if int(self.window) < 2:
            raise ValueError("window must be at least 2 years (a standard deviation needs two prices)")
        if self.min_points is not None and not 2 <= int(self.min_points) <= int(self.window):
            raise ValueError("min_points must lie between 2 and the window length")
        if self.wgi_bound <= 0 or (self.wgi_span is not None and self.wgi_span <= 0):
            raise ValueError("wgi_bound and wgi_span must be positive")
        for name in ("threshold_method", "d_threshold_method", "m_threshold_method", "r_threshold_method"):
            value = getattr(self, name)
            if value is not None:
                parse_threshold_method(value)
        if self.years is not None and len(self.years) != 2:
            raise ValueError("years must be (first, last)")

    # -- derived ------------------------------------------------------------------
    @property
    def span(self) -> float:
        return float(self.wgi_span) if self.wgi_span is not None else 2.0 * float(self.wgi_bound)

    def method_for(self, metric: str) -> str:
        """The threshold method used for a metric (D defaults to fixed:<d_threshold>)."""
        own = {"D": self.d_threshold_method, "M": self.m_threshold_method,
               "R": self.r_threshold_method}.get(metric)
        if own is not None:
            return own
        if metric == "D":
            return f"fixed:{self.d_threshold:g}"
        return self.threshold_method

    def year_range(self) -> tuple[int, int] | None:
        if self.years is None:
            return None
        first, last = self.years
        return int(first), int(last)

    def to_rows(self) -> list[dict]:
        """name / value / description rows for the parameters sheet (value '' when empty)."""
        rows = []
        for f in fields(self):
            if f.name == "extended":
                continue
            if f.name == "import_sources":
                level = getattr(self.import_sources, "risk_level", 0.5)
                rows.append({"name": "import_risk_level", "value": level,
                             "description": "Imports from partners with Γ at or above this count as high-risk"})
                continue
            value = getattr(self, f.name)
            if value is None:
                text = ""
            elif isinstance(value, tuple):
                text = "–".join(str(v) for v in value)
            else:
                text = value
            rows.append({"name": f.name, "value": text, "description": _DESCRIPTIONS.get(f.name, "")})
        rows.append({"name": "wgi_span (effective)", "value": self.span,
                     "description": "Span actually used"})
        for metric in ("D", "M", "R"):
            rows.append({"name": f"threshold method {metric} (effective)", "value": self.method_for(metric),
                         "description": "Threshold method actually used for this metric"})
        return rows


def parse_threshold_method(text: str) -> tuple[str, float | None]:
    """Parse 'midpoint' | 'distance' | 'fixed:<v>' | 'preset:<name>' into (kind, value).

    ``kind`` is 'midpoint', 'distance' or 'fixed' (presets resolve to 'fixed' with their value).
    """
    if not isinstance(text, str):
        raise ValueError(f"threshold method must be text, not {text!r}")
    raw = text.strip()
    low = raw.casefold()
    if low in ("midpoint", "distance"):
        return low, None
    kind, sep, rest = low.partition(":")
    if sep and kind == "fixed":
        try:
            return "fixed", float(rest.strip())
        except ValueError:
            raise ValueError(f"threshold method {text!r}: 'fixed:' must be followed by a number") from None
    if sep and kind == "preset":
        name = rest.strip()
        if name in THRESHOLD_PRESETS:
            return "fixed", THRESHOLD_PRESETS[name]
        raise ValueError(f"unknown threshold preset {name!r}; known: {', '.join(THRESHOLD_PRESETS)}")
    raise ValueError(f"unknown threshold method {text!r}; use midpoint, distance, fixed:<value> or preset:<name>")
