"""The risk matrix's words in the interface language: levels, streams, stages, dimensions, origins, rules.

The core names them by id (``"medium_low"``, ``"processing"``, ``"computed:mining_political"``); the
window shows these titles (Qt translations, so lupdate collects them).  Kept apart from
:mod:`desktop.ui.titles` because the matrix headers are capitalised titles ("Processing", 加工冶炼)
while the data tables show the stage ids' lower-case words.  No pandas here: the Matrix view is built
before the data libraries are loaded.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale

LEVELS = ("low", "medium_low", "medium", "high", "very_high")
STAGES = ("mining", "processing", "use", "recycling")


def level_title(level: str | None) -> str:
    titles = {
        "low": QCoreApplication.translate("MatrixTitles", "Low"),
        "medium_low": QCoreApplication.translate("MatrixTitles", "Medium-low"),
        "medium": QCoreApplication.translate("MatrixTitles", "Medium"),
        "high": QCoreApplication.translate("MatrixTitles", "High"),
        "very_high": QCoreApplication.translate("MatrixTitles", "Very high"),
    }
    if level is None:
        return QCoreApplication.translate("MatrixTitles", "No score")
    return titles.get(level, level)


def stream_title(stream: str) -> str:
    """The grid's title: 原生资源链 / 再生资源链 in Chinese."""
    titles = {
        "primary": QCoreApplication.translate("MatrixTitles", "Primary chain"),
        "recycled": QCoreApplication.translate("MatrixTitles", "Recycled chain"),
        "chain": QCoreApplication.translate("MatrixTitles", "Whole chain"),
    }
    return titles.get(stream, stream)


def stage_title(stage: str) -> str:
    titles = {
        "mining": QCoreApplication.translate("MatrixTitles", "Mining"),
        "processing": QCoreApplication.translate("MatrixTitles", "Processing"),
        "use": QCoreApplication.translate("MatrixTitles", "Use"),
        "recycling": QCoreApplication.translate("MatrixTitles", "Recycling"),
    }
    return titles.get(stage, stage)


def stage_tip(stage: str) -> str:
    """What the stage covers (METHODS §1), for the row headers' tooltips."""
    tips = {
        "mining": QCoreApplication.translate("MatrixTitles", "Exploration, extraction and beneficiation"),
        "processing": QCoreApplication.translate("MatrixTitles",
                                                 "Smelting and refining, processing, material production"),
        "use": QCoreApplication.translate("MatrixTitles", "Embedding in industry and use in sectors"),
        "recycling": QCoreApplication.translate("MatrixTitles", "Collection, dismantling, separation and recovery"),
    }
    return tips.get(stage, "")


def dimension_title(dimension: str) -> str:
    titles = {
        "political": QCoreApplication.translate("MatrixTitles", "Political"),
        "investment": QCoreApplication.translate("MatrixTitles", "Investment"),
        "trade": QCoreApplication.translate("MatrixTitles", "Trade"),
        "technology": QCoreApplication.translate("MatrixTitles", "Technology"),
        "regulatory": QCoreApplication.translate("MatrixTitles", "Regulatory"),
        "environment": QCoreApplication.translate("MatrixTitles", "Environment"),
        "industry": QCoreApplication.translate("MatrixTitles", "Industry"),
        "social": QCoreApplication.translate("MatrixTitles", "Social"),
        "economic": QCoreApplication.translate("MatrixTitles", "Economic"),
    }
    return titles.get(dimension, dimension)


def dimension_tip(stream: str, dimension: str) -> str:
    """The dimension's typical instruments or indicators (METHODS §4), for the column headers' tooltips."""
    if stream == "primary":
        tips = {
            "political": QCoreApplication.translate(
                "MatrixTitles", "Resource nationalism, pressure on downstream industry, friend- and near-shoring"),
            "investment": QCoreApplication.translate(
                "MatrixTitles", "Tighter review of equity mines, forced divestment, blocked acquisitions"),
            "trade": QCoreApplication.translate(
                "MatrixTitles", "Export bans, tariffs, anti-dumping and countervailing duties, export quotas"),
            "technology": QCoreApplication.translate(
                "MatrixTitles", "Technology-transfer limits, market monopoly, price wars, by-product dependence"),
            "regulatory": QCoreApplication.translate(
                "MatrixTitles", "Conflict-minerals rules, ESG due diligence with extraterritorial reach"),
        }
    else:
        tips = {
            "environment": QCoreApplication.translate("MatrixTitles", "Environmental performance"),
            "industry": QCoreApplication.translate("MatrixTitles", "Completeness of the recycling system"),
            "technology": QCoreApplication.translate(
                "MatrixTitles", "Metal content of products, dismantling and separation technology, "
                                "product lifetime, recovery rate"),
            "social": QCoreApplication.translate("MatrixTitles", "Public willingness to recycle, consumer habits"),
            "economic": QCoreApplication.translate("MatrixTitles", "Recycling technology and reverse-logistics cost"),
            "political": QCoreApplication.translate(
                "MatrixTitles", "Waste-import bans, recycled-content and recycling quotas"),
        }
    return tips.get(dimension, "")


def overall_title() -> str:
    """The margin row's and column's header: the aggregate of the row or column."""
    return QCoreApplication.translate("MatrixTitles", "Overall")


def rule_title(rule: str) -> str:
    """An aggregation rule's name, as the rule chooser and Details say it."""
    titles = {
        "max": QCoreApplication.translate("MatrixTitles", "Weakest link (maximum)"),
        "weighted_mean": QCoreApplication.translate("MatrixTitles", "Weighted mean"),
    }
    return titles.get(rule, rule)


def rule_choice(rule: str) -> str:
    """The rule chooser's short words (its tooltip and Details give the full name)."""
    titles = {
        "max": QCoreApplication.translate("MatrixTitles", "Weakest link"),
        "weighted_mean": QCoreApplication.translate("MatrixTitles", "Weighted mean"),
    }
    return titles.get(rule, rule)


def rule_tip(rule: str) -> str:
    tips = {
        "max": QCoreApplication.translate(
            "MatrixTitles", "A stage, a stream and the chain are as risky as their riskiest cell"),
        "weighted_mean": QCoreApplication.translate(
            "MatrixTitles", "A stage, a stream and the chain score the weighted mean of their cells"),
    }
    return tips.get(rule, "")


def origin_title(origin: str) -> str:
    """Where a cell's score came from, in a few words ("Computed (rule r_mine)", "Analyst's judgement")."""
    if origin == "analyst":
        return QCoreApplication.translate("MatrixTitles", "Analyst's judgement")
    if origin == "needs_judgement":
        return QCoreApplication.translate("MatrixTitles", "Needs judgement: no rule could fill it")
    if origin.startswith("computed:"):
        return QCoreApplication.translate("MatrixTitles", "Computed (rule %1)").replace("%1", origin[9:])
    if origin.startswith("aggregate:"):
        return QCoreApplication.translate("MatrixTitles", "Aggregate: %1").replace("%1", rule_title(origin[10:]))
    return origin


def score_text(score: float | None, locale: QLocale | None = None) -> str:
    """A score as the cells print it: two decimals in the locale's digits ("0.66", "0,66")."""
    if score is None or math.isnan(score):
        return "—"
    return (locale or QLocale()).toString(float(score), "f", 2)


def level_of(score: float | None) -> str | None:
    """The five-level label of ``score`` by the core's documented cut-offs (None: no score)."""
    if score is None or math.isnan(score):
        return None
    from desktop.core.chain.levels import level_of as core_level_of  # here: the core's import loads pandas

    return core_level_of(float(score))


def cutoffs() -> list[tuple[str, float, float]]:
    """(level, from, to) of the five levels by the core's cut-offs (a score at a cut-off belongs to the
    higher level): the legend, the edit dialog and Details show them."""
    from desktop.core.chain.levels import LEVELS as CORE_LEVELS, level_range

    assert CORE_LEVELS == LEVELS
    return [(level, *level_range(level)) for level in LEVELS]


def range_text(level: str) -> str:
    """"Medium: 0.40 ≤ score < 0.60" — the level's band as the cut-offs define it (very high includes 1)."""
    for name, low, high in cutoffs():
        if name == level:
            template = (QCoreApplication.translate("MatrixTitles", "%1: %2 ≤ score ≤ %3") if level == LEVELS[-1]
                        else QCoreApplication.translate("MatrixTitles", "%1: %2 ≤ score < %3"))
            return template.replace("%1", level_title(level)).replace("%2", score_text(low)).replace(
                "%3", score_text(high))
    return ""


def rule_formula(rule_id: str | None, lang: str) -> str:
    """A fill rule's formula in one line in ``lang`` ("" for an unknown rule)."""
    if not rule_id:
        return ""
    from desktop.core.chain.rules import rule_by_id

    rule = rule_by_id(rule_id)
    return rule.formula("zh" if lang == "zh" else "en") if rule is not None else ""


def shown_note(cell, lang: str) -> str:
    """The note an analyst reads: a computed cell without an analyst's note carries its rule's English
    formula as its note, which is said in the interface language instead."""
    note = cell.note or ""
    if note and cell.origin.startswith("computed:") and not cell.edited and note == rule_formula(cell.rule, "en"):
        return ""
    return note
