"""The five risk levels of a matrix cell (METHODS §4): low, medium-low, medium, high, very high.

A score 0..1 falls into one of five equal bands::

    score < 0.2         low          低
    0.2 ≤ score < 0.4   medium_low   较低
    0.4 ≤ score < 0.6   medium       中
    0.6 ≤ score < 0.8   high         较高
    0.8 ≤ score         very_high    高

Why equal fifths: every default rule scores on 0..1 already (R and M are min-max scaled over minerals
and years, D and HHI are shares, EoL-RIR is a rate, the policy-event grades are 0.4 / 0.6 / 0.8 / 1.0),
so no band is favoured by one indicator's own spread, and an analyst can read a score's level at a
glance.  A cut-off belongs to the band above it (0.2 is medium-low).  Scores are compared after rounding
to 9 decimals, so that 1 − 0.8 (0.19999999999999996 in floating point) is medium-low like 0.2.

The event grades land on the band edges on purpose: a ban (1.0) and a quota (0.8) are very high, a
licence or review (0.6) high, a duty (0.4) medium.
"""
from __future__ import annotations

import math

from desktop.core.registry.normalise import normalise_name

LEVELS = ("low", "medium_low", "medium", "high", "very_high")
CUTS = (0.2, 0.4, 0.6, 0.8)            # the lower bound of each level after the first
LEVEL_NAMES = {
    "low": ("Low", "低"), "medium_low": ("Medium-low", "较低"), "medium": ("Medium", "中"),
    "high": ("High", "较高"), "very_high": ("Very high", "高"),
}
_DIGITS = 9


def level_of(score: float | None) -> str | None:
    """The level of a score 0..1; None for no score (None or NaN).  ValueError outside 0..1."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return None
    value = round(float(score), _DIGITS)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"a risk score is between 0 and 1, not {score!r}")
    for level, cut in zip(LEVELS, CUTS):
        if value < cut:
            return level
    return LEVELS[-1]


def level_index(level: str) -> int:
    """0 for low … 4 for very high (for colour scales and sorting)."""
    return LEVELS.index(level)


def level_range(level: str) -> tuple[float, float]:
    """The scores of a level as [low, high): e.g. (0.6, 0.8) for high; very high is [0.8, 1.0]."""
    i = LEVELS.index(level)
    return (0.0, *CUTS)[i], (*CUTS, 1.0)[i]


def level_score(level: str) -> float:
    """The middle of a level's band (0.1, 0.3, 0.5, 0.7, 0.9): the score of an analyst who gives only a level."""
    lo, hi = level_range(level)
    return round((lo + hi) / 2, _DIGITS)


def level_name(level: str | None, lang: str = "en") -> str:
    """The level's name in ``lang`` ("en" or "zh"); "" for no level."""
    if level is None:
        return ""
    en, zh = LEVEL_NAMES[level]
    return zh if lang == "zh" else en


def _aliases() -> dict[str, str]:
    table = {}
    for level, (en, zh) in LEVEL_NAMES.items():
        for alias in (level, en, zh, level.replace("_", " "), en.replace("-", " ")):
            table[normalise_name(alias)] = level
    return table


LEVEL_ALIASES = _aliases()     # normalised name (English, Chinese or id) -> level id


def parse_level(text: object) -> str | None:
    """The level id of a name an analyst typed ("较高", "High", "medium-low"); None when it is none."""
    return LEVEL_ALIASES.get(normalise_name(text))
