"""Cells typed by hand: parse_cell accepts what an import accepts and says what is wrong otherwise."""
import math

import pandas as pd
import pytest

from desktop.core.errors import CellError, CritMinError
from desktop.core.registry import default_registry
from desktop.core.store.cells import format_cell, parse_cell


@pytest.fixture(scope="module")
def reg():
    return default_registry()


@pytest.mark.parametrize("table, column, text, value", [
    ("production", "year", "2023", 2023),
    ("production", "year", " 2023年 ", 2023),
    ("production", "year", "FY2019", 2019),
    ("production", "mineral", "Lithium", "lithium"),
    ("production", "mineral", "锂", "lithium"),
    ("production", "mineral", "Li", "lithium"),
    ("production", "mineral", "cobalt", "cobalt"),
    ("production", "country", "刚果（金）", "COD"),
    ("production", "country", "Congo (Kinshasa)", "COD"),
    ("production", "country", "cod", "COD"),
    ("production", "country", "World total", "WORLD"),
    ("reserves", "country", "Other countries", "OTHERS"),
    ("trade_flows", "exporter", "Chile", "CHL"),
    ("trade_flows", "importer", "中国", "CHN"),
    ("production", "stage", "mine", "mine"),
    ("production", "stage", "冶炼", "refinery"),
    ("production", "stage", "Smelter", "refinery"),
    ("production", "stage", "", ""),
    ("balance", "stage", "refinery", "refinery"),
    ("chain_risk", "stage", "加工冶炼", "processing"),
    ("chain_risk", "stage", "Recycling", "recycling"),
    ("chain_risk", "stream", "再生", "recycled"),
    ("chain_risk", "dimension", "Trade", "trade"),
    ("governance", "indicator", "va", "VA"),
    ("governance", "indicator", "CC.EST", "CC"),
    ("production", "unit", " kt ", "kt"),
    ("chain_risk", "note", "expert panel, 2024", "expert panel, 2024"),
    ("lists", "list", "EU CRM 2023", "EU CRM 2023"),
    ("trade_flows", "value_kusd", "1,234.5", 1234.5),
])
def test_accepted(reg, table, column, text, value):
    assert parse_cell(table, column, text, reg) == value


@pytest.mark.parametrize("text, number, state", [
    ("170000", 170000.0, ""),
    ("1,234", 1234.0, ""),
    ("W", math.nan, "W"),
    ("w", math.nan, "W"),
    ("NA", math.nan, "NA"),
    ("--", math.nan, "NA"),
    ("E", math.nan, "E"),
    (">50", 50.0, ">"),
    ("<1,000", 1000.0, "<"),
    ("50–300", 50.0, "range:300"),
    ("50-300", 50.0, "range:300"),
    ("", math.nan, ""),
])
def test_values_with_states(reg, text, number, state):
    got = parse_cell("production", "quantity", text, reg)
    assert got[1] == state and (got[0] == number or (math.isnan(got[0]) and math.isnan(number)))
    assert parse_cell("production", "quantity_state", text, reg)[1] == state    # the pair either way


def test_percentages_are_shares(reg):
    assert parse_cell("recycling", "eol_rir", "12%", reg) == (pytest.approx(0.12), "")
    assert parse_cell("chain_risk", "score", "0.4", reg) == (0.4, "")
    assert parse_cell("governance", "estimate", "-1.25", reg) == (-1.25, "")   # WGI estimates go below 0


@pytest.mark.parametrize("table, column, text, message", [
    ("production", "year", "20233", "is not a year; type a year from 1900 to 2100"),
    ("production", "year", "1850", "is not a year"),
    ("production", "year", "", "cannot be empty"),
    ("production", "mineral", "Lithum", "not a known mineral; did you mean Lithium"),
    ("production", "mineral", "qqqqqq", "type its English or Chinese name"),
    ("production", "mineral", "", "cannot be empty"),
    ("production", "country", "Atlantis", "not a known country"),
    ("production", "country", "Europe EFTA, nes", "a region, not a country"),
    ("governance", "country", "World", "total of countries; the governance table takes a single country"),
    ("trade_flows", "exporter", "World", "total of countries"),
    ("production", "stage", "mining camp", "not a production stage; type mine or refinery"),
    ("chain_risk", "stage", "", "cannot be empty"),
    ("chain_risk", "stage", "mine site", "not a chain stage"),
    ("chain_risk", "stream", "tertiary", "not a stream; type primary or recycled"),
    ("chain_risk", "dimension", "weather", "not a risk dimension"),
    ("governance", "indicator", "XX", "not a WGI indicator; type one of VA, PV, GE, RQ, RL, CC"),
    ("production", "quantity", "lots", "is not a number; type a number, or W, NA"),
    ("production", "quantity", "-5", "cannot be negative"),
    ("recycling", "eol_rir", "55", "share between 0 and 1"),
    ("trade_flows", "quantity_t", "W", "not a number; type a plain number"),
    ("lists", "list", "  ", "cannot be empty"),
])
def test_refused_with_one_sentence(reg, table, column, text, message):
    with pytest.raises(CellError, match=message) as info:
        parse_cell(table, column, text, reg)
    assert isinstance(info.value, CritMinError)
    sentence = str(info.value)
    assert sentence.endswith((".", "?")) and sentence.count(". ") == 0


def test_suggestions_are_at_most_three(reg):
    with pytest.raises(CellError) as info:
        parse_cell("production", "country", "Guineaa", reg)
    assert "did you mean" in str(info.value) and str(info.value).count("(") <= 3


def test_dimension_is_checked_against_the_row_stream(reg):
    assert parse_cell("chain_risk", "dimension", "social", reg, row={"stream": "recycled"}) == "social"
    with pytest.raises(CellError, match="of the primary stream; type political, investment"):
        parse_cell("chain_risk", "dimension", "social", reg, row={"stream": "primary"})


def test_project_aliases_count(reg):
    project_reg = reg.with_aliases(pd.DataFrame([{"kind": "country", "alias": "Zaire (old)", "target": "COD"}]))
    assert parse_cell("production", "country", "Zaire (old)", project_reg) == "COD"
    with pytest.raises(CellError):
        parse_cell("production", "country", "Zaire (old)", reg)


def test_unknown_column_is_a_programming_error(reg):
    with pytest.raises(ValueError, match="no column"):
        parse_cell("production", "colour", "red", reg)


@pytest.mark.parametrize("table, column, value, state, text", [
    ("production", "quantity", 170000.0, "", "170000"),
    ("production", "quantity", 0.125, "", "0.125"),
    ("production", "quantity", 1.2e9, "", "1200000000"),
    ("production", "quantity", math.nan, "W", "W"),
    ("production", "quantity", math.nan, "NA", "NA"),
    ("usgs_nir", "nir", math.nan, "E", "E"),
    ("production", "quantity", 50.0, ">", ">50"),
    ("production", "quantity", 1000.0, "<", "<1000"),
    ("production", "quantity", 50.0, "range:300", "50–300"),
    ("production", "quantity", math.nan, "", ""),
    ("production", "quantity", None, "", ""),
    ("production", "year", 2023, "", "2023"),
    ("production", "country", "COD", "", "COD"),
    ("production", "stage", "", "", ""),
    ("trade_flows", "value_kusd", 1234.5, "", "1234.5"),
    ("trade_flows", "quantity_t", math.nan, "", ""),
    ("governance", "estimate", -0.75, "", "-0.75"),
])
def test_format_is_what_parse_reads_back(reg, table, column, value, state, text):
    assert format_cell(table, column, value, state) == text
    back = parse_cell(table, column, text, reg)
    if isinstance(back, tuple):
        number, got_state = back
        assert got_state == state
        assert (number == value) or (math.isnan(number) and (value is None or math.isnan(value)))
    elif isinstance(back, float) and math.isnan(back):
        assert value is None or math.isnan(value)
    else:
        assert back == value
