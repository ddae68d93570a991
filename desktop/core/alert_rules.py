"""The alert rules' switches and parameters (:mod:`desktop.core.alerts` applies them).

Kept apart from the rules' code so that the window can show and edit them without loading pandas.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace

SEVERITIES = ("high", "medium", "low")
RULES = ("crossing", "worsening", "trend", "matrix", "event", "share")


@dataclass(frozen=True)
class AlertRules:
    """The rules' switches and parameters (the defaults are a starting point an analyst adjusts)."""
    crossing: bool = True
    worsening: bool = True
    worsen_amount: float = 0.1       # absolute rise of D, M or R year on year (0 = off)
    worsen_percent: float = 20.0     # relative rise in % of last year's value (0 = off)
    trend: bool = True
    matrix: bool = True
    event: bool = True
    share: bool = True
    share_level: float = 0.5         # a single country's production share, 0..1

    def to_rows(self) -> list[dict]:
        """{name, value, description} rows, for a parameters sheet."""
        return [{"name": f"alerts.{f.name}", "value": getattr(self, f.name), "description": _DESCRIPTIONS[f.name]}
                for f in fields(self)]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> AlertRules:
        """Rules from stored values; unknown names are ignored and missing ones keep their default, so
        rules saved by an older or newer version still load."""
        known = {f.name for f in fields(cls)}
        out = cls()
        for name, value in (values or {}).items():
            if name in known:
                out = replace(out, **{name: _coerce(value, getattr(out, name))})
        return out


_DESCRIPTIONS = {
    "crossing": "D, M or R crosses its threshold between consecutive years (up: high, down: low)",
    "worsening": "D, M or R rises year on year by more than worsen_amount or worsen_percent (medium)",
    "worsen_amount": "the absolute year-on-year rise that raises an alert (0 = off)",
    "worsen_percent": "the year-on-year rise in % of the previous value that raises an alert (0 = off)",
    "trend": "a trend is rising, or a metric is persistently at or above its threshold (medium)",
    "matrix": "a risk-matrix cell or aggregate rises a level year on year (medium)",
    "event": "a policy event starts (high for a ban, medium otherwise)",
    "share": "a single country's production share passes share_level (high)",
    "share_level": "the production share of one country that raises an alert, 0..1",
}


def _coerce(value, default):
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default
