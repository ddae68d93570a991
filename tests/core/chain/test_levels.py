"""The five levels and their documented cut-offs (< 0.2, < 0.4, < 0.6, < 0.8, ≥ 0.8)."""
import math

import pytest

from desktop.core.chain.levels import (
    LEVELS,
    level_name,
    level_of,
    level_range,
    level_score,
    parse_level,
)


@pytest.mark.parametrize("score, level", [
    (0.0, "low"), (0.19, "low"), (0.2, "medium_low"), (1 - 0.8, "medium_low"), (0.39, "medium_low"),
    (0.4, "medium"), (0.59, "medium"), (0.6, "high"), (0.79, "high"), (0.8, "very_high"), (1.0, "very_high"),
])
def test_cut_offs_belong_to_the_band_above(score, level):
    assert level_of(score) == level


def test_no_score_has_no_level_and_out_of_range_is_an_error():
    assert level_of(None) is None and level_of(math.nan) is None
    with pytest.raises(ValueError):
        level_of(1.2)
    with pytest.raises(ValueError):
        level_of(-0.01)


def test_names_ranges_and_the_score_of_a_level():
    assert [level_name(lv, "zh") for lv in LEVELS] == ["低", "较低", "中", "较高", "高"]
    assert [level_name(lv) for lv in LEVELS] == ["Low", "Medium-low", "Medium", "High", "Very high"]
    assert level_name(None) == ""
    assert level_range("high") == (0.6, 0.8) and level_range("very_high") == (0.8, 1.0)
    assert [level_score(lv) for lv in LEVELS] == [0.1, 0.3, 0.5, 0.7, 0.9]
    assert all(level_of(level_score(lv)) == lv for lv in LEVELS)
    assert parse_level("较高") == "high" and parse_level("Medium-low") == "medium_low" and parse_level("x") is None
