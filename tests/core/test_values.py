import math

import numpy as np
import pandas as pd
import pytest

from desktop.core.values import format_token, parse_token, parse_values


@pytest.mark.parametrize("raw, number, state", [
    ("W", math.nan, "W"), ("NA", math.nan, "NA"), ("..", math.nan, "NA"), ("…", math.nan, "NA"),
    ("E", math.nan, "E"), (">50", 50.0, ">"), ("<1,000", 1000.0, "<"), ("Less than ½ unit.", 0.5, "<"),
    ("50–300", 50.0, "range:300"), ("−88", -88.0, ""), ("1,234", 1234.0, ""), ("72,000", 72000.0, ""),
    ("55.96%", 0.5596, ""), (" 12 ", 12.0, ""), (7, 7.0, ""), ("1,234.5", 1234.5, ""),
])
def test_tokens(raw, number, state):
    value, got_state = parse_token(raw)
    assert got_state == state
    assert (math.isnan(value) and math.isnan(number)) or value == pytest.approx(number)


@pytest.mark.parametrize("raw", ["abc", "12abc", "1,23,4", "300–50"])
def test_not_values(raw):
    assert parse_token(raw) is None


def test_parse_values_vectorised_marks_bad_cells():
    values, states, bad = parse_values(pd.Series(["1", "W", "x", None, "2,000", 3]))
    assert np.isnan(values[1]) and states[1] == "W"
    assert bad.tolist() == [False, False, True, False, False, False]
    assert values[4] == 2000 and values[5] == 3


@pytest.mark.parametrize("raw", ["W", "NA", "E", ">50", "<1000", "50–300", "0.25", ">1200000000", "<0.125",
                                 "2000000–30000000"])
def test_format_token_round_trips(raw):
    value, state = parse_token(raw)
    again = format_token(value, state)
    assert parse_token(again) == (value, state) or (state in ("W", "NA", "E") and again == state)
