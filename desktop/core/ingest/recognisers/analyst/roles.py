"""The words of an analyst's table: what a header cell says a column holds, and how a note line starts.

A header cell names a *role* (:data:`ROLE_WORDS`: the mineral, the country, the year, the stage, the unit
or the indicator column) in Chinese or English, with or without a unit in brackets.  A line under the table
whose first cell starts with one of :data:`NOTE_PREFIXES` ("注：", "资料来源：USGS", "Note: …") is a note,
not data; the template recogniser leaves such lines out of its wide tables too.
"""
from __future__ import annotations

from desktop.core.registry.normalise import normalise_name
from desktop.core.units import split_unit

# role -> the header words that name it (compared normalised: case, spaces and brackets ignored)
ROLE_WORDS = {
    "mineral": {"矿种", "矿产", "矿产品", "矿产品种", "矿物", "品种", "矿种名称", "矿产名称", "商品", "mineral",
                "minerals", "commodity", "commodities", "material"},
    "country": {"国家", "国家或地区", "国家/地区", "国家(地区)", "地区", "国别", "国家和地区", "国家名称", "经济体",
                "country", "countries", "country/region", "country or area", "country or region", "economy",
                "nation", "country name"},
    "year": {"年份", "年", "年度", "year", "yr", "years"},
    "stage": {"环节", "阶段", "产业链环节", "生产环节", "stage", "chain stage"},
    "unit": {"单位", "计量单位", "unit", "units"},
    "indicator": {"指标", "项目", "类别", "指标名称", "indicator", "item", "measure", "variable", "series"},
}
_ROLE_OF_WORD = {normalise_name(word): role for role, words in ROLE_WORDS.items() for word in words}

# The first words of a note or source line under a table (compared case-folded).
NOTE_PREFIXES = ("注", "资料来源", "数据来源", "来源", "说明", "source", "sources", "note", "notes", "*")


def header_role(cell: object) -> str | None:
    """The role a header cell names ("mineral", "country", "year", "stage", "unit", "indicator"), the unit
    in brackets ignored ("年份（年）" is the year); None when it names none."""
    label, _ = split_unit(cell)
    return _ROLE_OF_WORD.get(normalise_name(label))
