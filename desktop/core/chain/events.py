"""Policy events (issue 13 item 2): the instruments a country applies to a mineral at a chain stage.

An event is a row of the ``events`` table: (country, mineral, stage, type, start_year) with end_year
(empty = still in force), source and note.  ``stage`` is a chain stage (mining, processing, use,
recycling) or empty when the instrument names none; an event without a stage applies to every stage.
An event is in force in year t when ``start_year ≤ t`` and (``end_year`` is empty or ``t ≤ end_year``):
years are whole, so an event that starts in August counts for its whole first year, as the annual
indicators it is read beside do.

The type says which matrix cell the event feeds (:mod:`desktop.core.chain.rules`) and with what grade.
The grade is how much of the flow the instrument can stop:

    ban                        1.0   (stops it)
    quota, limit               0.8   (caps it)
    licence, review            0.6   (each shipment or deal needs a permission that may be refused)
    duty, rule, content quota  0.4   (raises its cost)

Why grades, not a model: the analyst reads "an export ban on this stage" as "this link can break", a
duty as "it costs more"; the four grades put these on the levels' band edges (see
:mod:`desktop.core.chain.levels`), and the analyst overrides a cell whose event is milder or harsher
than its type suggests.  The Chinese names follow MOFCOM's usage (出口管制, 出口许可, 反倾销, 反补贴).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.core.registry.normalise import normalise_name


@dataclass(frozen=True)
class EventType:
    id: str
    en: str
    zh: str
    stream: str          # the matrix grid the event feeds
    dimension: str       # the column it feeds
    grade: float         # its score in the cell, 0..1 (see the module docstring)
    aliases: tuple[str, ...] = ()

    def name(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else self.en


EVENT_TYPES: dict[str, EventType] = {t.id: t for t in (
    EventType(id="export_ban", en="Export ban", zh="出口禁令", stream="primary", dimension="trade", grade=1.0,
              aliases=("ban", "export prohibition", "export suspension", "suspension of exports", "禁止出口",
                       "暂停出口", "出口禁止")),
    EventType(id="export_quota", en="Export quota", zh="出口配额", stream="primary", dimension="trade", grade=0.8,
              aliases=("quota", "配额")),
    EventType(id="export_licence", en="Export licence", zh="出口许可", stream="primary", dimension="trade", grade=0.6,
              aliases=("export license", "export licensing", "licence", "license", "export control",
                       "export controls", "出口管制", "出口许可证", "许可证管理")),
    EventType(id="tariff", en="Tariff or export duty", zh="关税", stream="primary", dimension="trade", grade=0.4,
              aliases=("export duty", "export tax", "import tariff", "duty", "出口关税", "出口税", "进口关税")),
    EventType(id="anti_dumping", en="Anti-dumping duty", zh="反倾销", stream="primary", dimension="trade", grade=0.4,
              aliases=("anti dumping", "anti-dumping", "antidumping", "anti dumping duty", "反倾销税")),
    EventType(id="countervailing_duty", en="Countervailing duty", zh="反补贴", stream="primary",
              dimension="trade", grade=0.4, aliases=("countervailing", "cvd", "anti-subsidy duty", "反补贴税")),
    EventType(id="investment_review", en="Investment review", zh="投资审查", stream="primary",
              dimension="investment", grade=0.6,
              aliases=("investment screening", "fdi screening", "foreign investment review", "forced divestment",
                       "外资审查", "外商投资安全审查")),
    EventType(id="technology_transfer_limit", en="Technology-transfer limit", zh="技术出口限制", stream="primary",
              dimension="technology", grade=0.8,
              aliases=("technology transfer limit", "technology export ban", "technology export restriction",
                       "technology blockade", "禁止出口技术", "限制出口技术", "技术封锁", "技术出口禁令")),
    EventType(id="esg_rule", en="ESG or conflict-minerals rule", zh="ESG/冲突矿产规则", stream="primary",
              dimension="regulatory", grade=0.4,
              aliases=("esg", "esg rule", "conflict minerals", "conflict-minerals rule", "due diligence",
                       "supply chain due diligence", "冲突矿产", "ESG 规则", "尽职调查")),
    EventType(id="recycled_content_quota", en="Recycled-content quota", zh="再生材料含量配额", stream="recycled",
              dimension="political", grade=0.4,
              aliases=("recycled content quota", "recycled content target", "recycled-content target",
                       "recycling quota", "再生含量", "再生材料含量", "回收配额")),
    EventType(id="waste_import_ban", en="Waste-import ban", zh="废料进口禁令", stream="recycled",
              dimension="political", grade=1.0,
              aliases=("waste import ban", "scrap import ban", "solid waste import ban", "固体废物进口禁令",
                       "洋垃圾禁令", "废物进口禁令")),
)}
EVENT_NAMES = {k: (t.en, t.zh) for k, t in EVENT_TYPES.items()}
TRADE_RESTRICTIONS = tuple(k for k, t in EVENT_TYPES.items() if t.dimension == "trade")


def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, t in EVENT_TYPES.items():
        for alias in (key, key.replace("_", " "), t.en, t.zh, *t.aliases):
            table[normalise_name(alias)] = key
    return table


EVENT_ALIASES = _aliases()      # normalised spelling -> event type id


def event_type(text: object) -> str | None:
    """The event type id of a spelling an analyst or a file uses ("出口管制", "Export license"); None if none."""
    return EVENT_ALIASES.get(normalise_name(text))


def types_for(stream: str, dimension: str) -> tuple[str, ...]:
    """The event types that feed the cells of ``dimension`` in ``stream``'s grid."""
    return tuple(k for k, t in EVENT_TYPES.items() if t.stream == stream and t.dimension == dimension)


def in_force(start_year: int, end_year: float | None, year: int) -> bool:
    """start_year ≤ year ≤ end_year, an empty end_year (None, NaN) meaning still in force."""
    if year < int(start_year):
        return False
    return end_year is None or (isinstance(end_year, float) and math.isnan(end_year)) or year <= end_year


def applies_to(event_stage: str, stage: str) -> bool:
    """An event of ``event_stage`` bears on ``stage``: the same stage, or an event that names no stage."""
    return event_stage in ("", stage)


def strongest(events: list[dict], year: int, stage: str, types: tuple[str, ...]) -> dict | None:
    """The event of ``types`` in force in ``year`` at ``stage`` with the highest grade, or None.

    ``events`` are rows of the events table (dicts).  Of equal grades the earliest start wins, then the
    country code in alphabetical order, so that the answer does not depend on the rows' order.
    """
    found = [e for e in events if e["type"] in types and applies_to(e.get("stage") or "", stage)
             and in_force(e["start_year"], e.get("end_year"), year)]
    if not found:
        return None
    return min(found, key=lambda e: (-EVENT_TYPES[e["type"]].grade, int(e["start_year"]), str(e["country"])))
