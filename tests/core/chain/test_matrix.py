"""Overrides keep the computed value and revert; aggregation (max, weighted mean) and the weakest link on
hand cases; "needs judgement" is never 0; the analyst's edit time; the matrix table's layout."""
import math
from datetime import UTC, datetime

import pandas as pd
import pytest

from desktop.core.chain.matrix import (
    AGGREGATE,
    CHAIN,
    TABLE_COLUMNS,
    build_matrix,
    edited_of,
    matrix_table,
    override_key,
    override_row,
)
from desktop.core.chain.model import ANALYST, NEEDS_JUDGEMENT
from desktop.core.store import Project

from .helpers import dataset, judgement, results

RES = results(supply=[("cobalt", 2023, "mine", 0.66, 0.5)])


def test_an_override_shows_the_analyst_score_and_keeps_the_computed_one():
    data = dataset(chain_risk=[judgement("cobalt", "primary", "mining", "political", 0.3, "new mine in Zambia",
                                         "analyst 2025-03-01T10:00:00+00:00")])
    c = build_matrix(RES, data, "cobalt", 2023).primary.cells[("mining", "political")]
    assert (c.score, c.level, c.origin, c.overridden) == (0.3, "medium_low", ANALYST, True)
    assert (c.computed, c.rule, c.inputs) == (0.66, "R_mine", {"R": 0.66, "stage": "mine"})
    assert (c.note, c.edited) == ("new mine in Zambia", "2025-03-01T10:00:00+00:00")
    # year-independent: the judgement is there in every year, beside that year's computed value (none in 2019)
    old = build_matrix(RES, data, "cobalt", 2019).primary.cells[("mining", "political")]
    assert (old.score, old.origin, old.computed, old.rule) == (0.3, ANALYST, None, None)


def test_an_override_of_a_cell_no_rule_fills_and_a_note_without_a_score():
    data = dataset(chain_risk=[judgement("cobalt", "recycled", "use", "social", 0.55),
                               judgement("cobalt", "primary", "mining", "political", math.nan, "see the 2024 report")])
    m = build_matrix(RES, data, "cobalt", 2023)
    social = m.recycled.cells[("use", "social")]
    assert (social.score, social.origin, social.computed, social.rule) == (0.55, ANALYST, None, None)
    noted = m.primary.cells[("mining", "political")]              # a note alone does not override
    assert (noted.score, noted.origin, noted.note) == (0.66, "computed:R_mine", "see the 2024 report")


def test_override_then_revert_through_the_project(tmp_path):
    """The GUI's way: write override_row, read the project back, delete the row (or undo): the rule's value returns."""
    when = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)
    row = override_row("cobalt", "primary", "mining", "political", 0.9, "expert panel", now=when)
    assert row["source"] == "analyst 2025-03-01T10:00:00+00:00" and row["score_state"] == ""
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        change = p.edit_rows("chain_risk", upsert=pd.DataFrame([row]), label="Override")
        c = build_matrix(RES, p.dataset(), "cobalt", 2023).primary.cells[("mining", "political")]
        assert (c.score, c.origin, c.computed, c.edited) == (0.9, ANALYST, 0.66, "2025-03-01T10:00:00+00:00")
        p.apply(change, undo=True)                                             # undo
        c = build_matrix(RES, p.dataset(), "cobalt", 2023).primary.cells[("mining", "political")]
        assert (c.score, c.origin, c.computed, c.edited) == (0.66, "computed:R_mine", 0.66, "")
        p.apply(change)                                                        # redo, then revert by deleting
        p.edit_rows("chain_risk", remove=pd.DataFrame([override_key("cobalt", "primary", "mining", "political")]))
        c = build_matrix(RES, p.dataset(), "cobalt", 2023).primary.cells[("mining", "political")]
        assert (c.score, c.origin) == (0.66, "computed:R_mine")


def test_override_row_checks_the_cell_and_the_score():
    with pytest.raises(ValueError):
        override_row("cobalt", "primary", "mining", "social", 0.5)             # social is a recycled dimension
    with pytest.raises(ValueError):
        override_row("cobalt", "primary", "mining", "political", 1.5)
    assert math.isnan(override_row("cobalt", "recycled", "use", "social", None, "note only")["score"])
    assert edited_of("analyst 2025-03-01T10:00:00+00:00") == "2025-03-01T10:00:00+00:00"
    assert edited_of("analyst") == edited_of("computed") == edited_of("analyst yesterday") == edited_of(None) == ""


HAND = [judgement("cobalt", "primary", "mining", "political", 0.2),
        judgement("cobalt", "primary", "mining", "trade", 0.9),
        judgement("cobalt", "primary", "processing", "technology", 0.5),
        judgement("cobalt", "recycled", "recycling", "technology", 0.9)]


def test_max_aggregation_and_the_weakest_link():
    m = build_matrix(None, dataset(chain_risk=HAND), "cobalt", 2023)
    assert m.primary.stage_scores == {"mining": 0.9, "processing": 0.5, "use": None, "recycling": None}
    assert m.primary.dimension_scores == {"political": 0.2, "investment": None, "trade": 0.9, "technology": 0.5,
                                          "regulatory": None}
    assert m.primary.score == 0.9 and m.recycled.score == 0.9 and m.score == 0.9
    assert m.stage_scores == {"mining": 0.9, "processing": 0.5, "use": None, "recycling": 0.9}
    # 0.9 twice: primary mining trade comes first in stage order
    assert (m.weakest.stream, m.weakest.stage, m.weakest.dimension) == ("primary", "mining", "trade")
    assert m.rule == "max" and m.weights == {}


def test_weighted_mean_with_weights_per_dimension():
    m = build_matrix(None, dataset(chain_risk=HAND), "cobalt", 2023, rule="weighted_mean",
                     weights={"political": 3, "trade": 1})
    assert m.primary.stage_scores["mining"] == pytest.approx((3 * 0.2 + 1 * 0.9) / 4)          # 0.375
    assert m.primary.score == pytest.approx((3 * 0.2 + 0.9 + 0.5) / 5)                          # 0.4
    assert m.score == pytest.approx((3 * 0.2 + 0.9 + 0.5 + 0.9) / 6)                            # 0.48333
    assert m.primary.dimension_scores["political"] == pytest.approx(0.2)     # one stage scored: its own score
    assert m.weakest.score == 0.9 and m.weights["political"] == 3.0 and m.weights["social"] == 1.0
    equal = build_matrix(None, dataset(chain_risk=HAND), "cobalt", 2023, rule="weighted_mean")
    assert equal.score == pytest.approx((0.2 + 0.9 + 0.5 + 0.9) / 4)
    zero = build_matrix(None, dataset(chain_risk=HAND), "cobalt", 2023, rule="weighted_mean",
                        weights={"political": 0, "trade": 0})
    assert zero.primary.stage_scores["mining"] is None and zero.primary.score == 0.5     # weight 0: left out
    with pytest.raises(ValueError):
        build_matrix(None, None, "cobalt", 2023, rule="median")
    with pytest.raises(ValueError):
        build_matrix(None, None, "cobalt", 2023, rule="weighted_mean", weights={"weather": 1})
    with pytest.raises(ValueError):
        build_matrix(None, None, "cobalt", 2023, rule="weighted_mean", weights={"trade": -1})


@pytest.mark.parametrize("rows, expected", [
    # ties in one stage: dimension order; across stages: stage order; across streams at one stage: primary first
    ([("primary", "mining", "trade"), ("primary", "mining", "political")], ("primary", "mining", "political")),
    ([("primary", "processing", "political"), ("primary", "mining", "regulatory")],
     ("primary", "mining", "regulatory")),
    ([("recycled", "mining", "environment"), ("primary", "mining", "regulatory")], ("primary", "mining", "regulatory")),
    ([("recycled", "mining", "environment"), ("primary", "use", "political")], ("recycled", "mining", "environment")),
])
def test_weakest_link_ties(rows, expected):
    data = dataset(chain_risk=[judgement("cobalt", *r, 0.7) for r in rows] +
                   [judgement("cobalt", "primary", "recycling", "trade", 0.1)])
    w = build_matrix(None, data, "cobalt", 2023).weakest
    assert (w.stream, w.stage, w.dimension) == expected


def test_needs_judgement_is_never_zero():
    m = build_matrix(results(), dataset(), "cobalt", 2023)
    assert m.score is None and m.weakest is None and m.primary.score is None
    assert all(v is None for v in m.stage_scores.values())
    assert all(c.origin == NEEDS_JUDGEMENT and c.score is None for c in m.recycled.cells.values())
    # one scored cell: the aggregates are that cell's, not pulled down by the empty ones
    one = build_matrix(None, dataset(chain_risk=[HAND[2]]), "cobalt", 2023, rule="weighted_mean")
    assert one.primary.score == 0.5 and one.score == 0.5
    table = matrix_table(results(), dataset(), ["cobalt"], [2023])
    assert table["score"].isna().all() and not (table["score"] == 0).any()


def test_matrix_table_layout():
    data = dataset(chain_risk=HAND)
    table = matrix_table(RES, data, ["cobalt", "lithium"], [2022, 2023])
    assert list(table.columns) == TABLE_COLUMNS
    per_matrix = 20 + 24 + (4 + 5 + 1) + (4 + 6 + 1) + (4 + 1)        # cells, stream aggregates, chain rows
    assert len(table) == 4 * per_matrix
    co = table[(table["mineral"] == "cobalt") & (table["year"] == 2023)].set_index(["stream", "stage", "dimension"])
    cell = co.loc[("primary", "mining", "political")]
    assert (cell["score"], cell["origin"], cell["computed"], cell["rule"]) == (0.2, "analyst", 0.66, "R_mine")
    assert cell["inputs"] == "R=0.66; stage=mine" and cell["level"] == "medium_low"
    stage = co.loc[("primary", "mining", "")]
    assert (stage["score"], stage["origin"], stage["rule"], stage["level"]) == (0.9, AGGREGATE, "max", "very_high")
    assert stage["note"] == "weakest link: primary mining trade" and stage["inputs"] == "2 of 5 cells scored"
    assert co.loc[("primary", "", "technology"), "score"] == 0.5
    assert co.loc[("recycled", "", ""), "score"] == 0.9
    assert co.loc[(CHAIN, "processing", ""), "score"] == 0.5 and co.loc[(CHAIN, "use", "")].isna()["score"]
    assert co.loc[(CHAIN, "", ""), "note"] == "weakest link: primary mining trade"
    judged = co.loc[("recycled", "use", "social")]
    assert judged["origin"] == NEEDS_JUDGEMENT and math.isnan(judged["score"]) and judged["level"] == ""
    assert table["year"].dtype == "int64" and table["score"].dtype == float
