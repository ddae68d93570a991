"""Names of streams, chain stages and risk dimensions in English and Chinese (METHODS.md §1, §4)."""
from __future__ import annotations

from desktop.core.dataset import CHAIN_STAGES, DIMENSIONS, STREAMS
from desktop.core.registry.normalise import normalise_name

STREAM_NAMES = {"primary": ("Primary", "原生资源"), "recycled": ("Recycled", "再生资源")}
STAGE_NAMES = {
    "mining": ("Mining", "开采"), "processing": ("Processing", "加工冶炼"),
    "use": ("Use", "使用"), "recycling": ("Recycling", "回收"),
}
DIMENSION_NAMES = {
    "political": ("Political", "政治"), "investment": ("Investment", "投资"), "trade": ("Trade", "贸易"),
    "technology": ("Technology", "技术"), "regulatory": ("Regulatory", "监管"),
    "environment": ("Environment", "环境"), "industry": ("Industry", "产业"), "social": ("Social", "社会"),
    "economic": ("Economic", "经济"),
}
_EXTRA = {
    "primary": ("原生", "原生资源链", "primary stream"),
    "recycled": ("再生", "再生资源链", "secondary", "recycled stream"),
    "mining": ("mine", "勘查、开采、选矿", "勘查", "采矿", "选矿", "矿山"),
    "processing": ("冶炼", "精炼", "冶炼/提炼、加工、生产", "refining", "smelting", "refinery"),
    "use": ("产业嵌入、行业使用", "行业使用", "应用", "消费"),
    "recycling": ("回收、拆解、分离、循环利用", "循环利用", "拆解"),
    "environment": ("environmental",), "industry": ("industrial",), "economic": ("economy", "cost"),
    "technology": ("technical", "技术性"), "regulatory": ("regulation",), "political": ("politics",),
}


def _aliases(names: dict[str, tuple[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for key, labels in names.items():
        for alias in (key, *labels, *_EXTRA.get(key, ())):
            table[normalise_name(alias)] = key
    return table


STREAM_ALIASES = _aliases(STREAM_NAMES)
STAGE_ALIASES = _aliases(STAGE_NAMES)
DIMENSION_ALIASES = _aliases(DIMENSION_NAMES)
assert set(STREAM_NAMES) == set(STREAMS) and set(STAGE_NAMES) == set(CHAIN_STAGES)
assert set(DIMENSION_NAMES) == set(DIMENSIONS["primary"]) | set(DIMENSIONS["recycled"])
