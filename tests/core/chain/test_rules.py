"""Each default fill rule on a small hand-built case (numbers by hand), and its data absent → no score."""
import math

import pytest

from desktop.core.chain.matrix import build_matrix
from desktop.core.chain.model import NEEDS_JUDGEMENT
from desktop.core.chain.rules import FORMULAS_ZH, RULES, rule_by_id, rule_for
from desktop.core.dataset import CHAIN_STAGES

from .helpers import dataset, event, results


def cell(m, stream, stage, dimension):
    return m.grid(stream).cells[(stage, dimension)]


def test_registry_one_rule_per_cell_with_a_formula_in_both_languages():
    assert len({(r.stream, r.stage, r.dimension) for r in RULES}) == len(RULES) == 24
    for r in RULES:
        assert r.formula().startswith("score = ") and FORMULAS_ZH[r.id].startswith("分值 = ")
        assert rule_for(r.stream, r.stage, r.dimension) is r
    assert rule_for("recycled", "mining", "social") is None          # always the analyst's
    assert rule_by_id("R_mine").formula("zh").startswith("分值 = 矿山")


def test_R_of_mine_production_then_the_unnamed_stage_never_the_refinery():
    res = results(supply=[("cobalt", 2023, "mine", 0.66, 0.5), ("cobalt", 2023, "refinery", 0.3, 0.45),
                          ("lithium", 2023, "", 0.4, 0.3), ("tin", 2023, "refinery", 0.7, 0.2)])
    c = cell(build_matrix(res, None, "cobalt", 2023), "primary", "mining", "political")
    assert (c.score, c.origin, c.rule, c.inputs) == (0.66, "computed:R_mine", "R_mine", {"R": 0.66, "stage": "mine"})
    assert c.level == "high" and c.computed == 0.66
    assert cell(build_matrix(res, None, "lithium", 2023), "primary", "mining", "political").inputs["stage"] == ""
    tin = cell(build_matrix(res, None, "tin", 2023), "primary", "mining", "political")
    assert tin.origin == NEEDS_JUDGEMENT and tin.score is None        # refinery R is the processing row's
    assert cell(build_matrix(res, None, "cobalt", 2022), "primary", "mining", "political").score is None


def test_R_of_refinery_production():
    res = results(supply=[("cobalt", 2023, "mine", 0.66, 0.5), ("cobalt", 2023, "refinery", 0.3, 0.45)])
    c = cell(build_matrix(res, None, "cobalt", 2023), "primary", "processing", "political")
    assert (c.score, c.rule, c.inputs) == (0.3, "R_refinery", {"R": 0.3, "stage": "refinery"})


def test_trade_is_the_max_of_D_and_the_strongest_export_restriction_in_force():
    res = results(dependency=[("cobalt", "USA", 2023, "mine", 0.5), ("cobalt", "USA", 2023, "refinery", 0.9)])
    data = dataset(events=[event("COD", "cobalt", "mining", "export_licence", 2020),      # 0.6 > D 0.5
                           event("CHN", "cobalt", "mining", "export_ban", 2019, 2021),     # ended before 2023
                           event("IDN", "cobalt", "", "tariff", 2022)])                    # every stage: 0.4
    m = build_matrix(res, data, "cobalt", 2023)
    mining = cell(m, "primary", "mining", "trade")
    assert mining.score == 0.6 and mining.rule == "export_restrictions"
    assert mining.inputs["D"] == 0.5 and mining.inputs["D_stage"] == "mine" and mining.inputs["country"] == "USA"
    assert (mining.inputs["event"], mining.inputs["event_country"], mining.inputs["event_start"]) == \
        ("export_licence", "COD", 2020)
    assert cell(m, "primary", "processing", "trade").score == 0.9            # refinery D 0.9 > tariff 0.4
    use = cell(m, "primary", "use", "trade")                                 # no D at use: the tariff alone
    assert use.score == 0.4 and "D" not in use.inputs
    # 2020: the ban (1.0) is in force; 2018: nothing on mining, D of 2018 absent → needs judgement
    assert cell(build_matrix(res, data, "cobalt", 2020), "primary", "mining", "trade").score == 1.0
    assert cell(build_matrix(res, data, "cobalt", 2018), "primary", "mining", "trade").score is None


def test_D_needs_an_assessed_country():
    res = results(dependency=[("cobalt", "USA", 2023, "mine", 0.5), ("cobalt", "DEU", 2023, "mine", 0.7)])
    assert cell(build_matrix(res, None, "cobalt", 2023), "primary", "mining", "trade").score is None   # which one?
    assert cell(build_matrix(res, None, "cobalt", 2023, country="DEU"), "primary", "mining", "trade").score == 0.7


def test_processing_technology_is_the_max_of_refinery_HHI_and_technology_limits():
    res = results(supply=[("rare_earths", 2023, "refinery", 0.5, 0.45), ("rare_earths", 2022, "refinery", 0.5, 0.44)])
    c = cell(build_matrix(res, None, "rare_earths", 2023), "primary", "processing", "technology")
    assert (c.score, c.rule, c.inputs) == (0.45, "HHI_refinery", {"HHI": 0.45, "stage": "refinery"})
    data = dataset(events=[event("CHN", "rare_earths", "processing", "technology_transfer_limit", 2023)])
    c = cell(build_matrix(res, data, "rare_earths", 2023), "primary", "processing", "technology")
    assert c.score == 0.8 and c.inputs["HHI"] == 0.45 and c.inputs["event"] == "technology_transfer_limit"
    assert cell(build_matrix(res, data, "rare_earths", 2022), "primary", "processing", "technology").score == 0.44


@pytest.mark.parametrize("type_, stream, dimension, grade, rule", [
    ("technology_transfer_limit", "primary", "technology", 0.8, "technology_limits"),
    ("investment_review", "primary", "investment", 0.6, "investment_reviews"),
    ("esg_rule", "primary", "regulatory", 0.4, "esg_rules"),
    ("waste_import_ban", "recycled", "political", 1.0, "recycled_policies"),
    ("recycled_content_quota", "recycled", "political", 0.4, "recycled_policies"),
])
def test_policy_events_fill_their_cells_with_their_grade(type_, stream, dimension, grade, rule):
    data = dataset(events=[event("CAN", "lithium", "mining", type_, 2022, 2024)])
    m = build_matrix(None, data, "lithium", 2023)
    c = cell(m, stream, "mining", dimension)
    assert (c.score, c.rule, c.inputs["event"], c.inputs["event_end"]) == (grade, rule, type_, 2024)
    assert cell(m, stream, "use", dimension).score is None              # another stage: not this event's
    assert cell(build_matrix(None, data, "lithium", 2025), stream, "mining", dimension).score is None   # ended


def test_the_strongest_event_of_a_cell_wins():
    data = dataset(events=[event("DEU", "cobalt", "recycling", "recycled_content_quota", 2021),
                           event("CHN", "cobalt", "recycling", "waste_import_ban", 2021)])
    c = cell(build_matrix(None, data, "cobalt", 2023), "recycled", "recycling", "political")
    assert c.score == 1.0 and c.inputs["event"] == "waste_import_ban"


def test_recycling_technology_is_one_minus_eol_rir_of_the_year_else_before_else_after():
    data = dataset(recycling=[("cobalt", 2020, 0.1), ("cobalt", 2023, 0.22)])
    for year, eol, from_year in ((2023, 0.22, 2023), (2024, 0.22, 2023), (2021, 0.1, 2020), (2015, 0.1, 2020)):
        c = cell(build_matrix(None, data, "cobalt", year), "recycled", "recycling", "technology")
        assert c.score == pytest.approx(1 - eol) and c.inputs == {"eol_rir": eol, "eol_rir_year": from_year}
        assert c.rule == "eol_rir"
    c = cell(build_matrix(None, data, "cobalt", 2023), "recycled", "recycling", "technology")
    assert c.level == "high"                                             # 0.78


def test_recycled_use_economic_is_market_dynamics():
    res = results(market=[("copper", 2023, 0.35), ("copper", 2022, math.nan)])
    c = cell(build_matrix(res, None, "copper", 2023), "recycled", "use", "economic")
    assert (c.score, c.rule, c.inputs) == (0.35, "M", {"M": 0.35})
    assert cell(build_matrix(res, None, "copper", 2022), "recycled", "use", "economic").score is None


def test_without_data_every_ruled_cell_needs_judgement():
    m = build_matrix(results(), dataset(), "cobalt", 2023)
    for grid in (m.primary, m.recycled):
        for (stage, _), c in grid.cells.items():
            assert stage in CHAIN_STAGES
            assert c.origin == NEEDS_JUDGEMENT and c.score is None and c.level is None and c.computed is None
