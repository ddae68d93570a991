"""Analysts' own tables: long or wide, Chinese or English, mineral named anywhere.

What is understood (see docs/formats-trade-prices-analyst.md):

* **Layouts**: *long* (a year column and one or more measure columns:
  ``国家 | 年份 | 产量（吨） | 进口量``), *wide* (years as columns: ``2013``,
  ``2013年``, ``Y2013``, ``2013.0``; rows are countries or minerals, optionally
  an indicator column saying which measure each row holds) and *year rows*
  (years down the first column, minerals or countries across).
* **Headers**: 矿种/矿产/mineral, 国家/国家或地区/country, 年份/年/year,
  环节/stage, 单位/unit, 指标/indicator; measures 产量/production,
  进口量/imports, 出口量/exports, 净进口量/net imports, 价格/price,
  储量/reserves, 回收率/recycling rate.
* **Mineral**: a mineral column, else the title row above the header
  ("表1 钴矿产量（吨）"), else the sheet name ("钴产量").  Likewise the
  measure (title, then sheet name), a country ("中国锂进口量"), a stage
  ("矿产量", "精炼") and a year for reserves ("2024年锂储量").
* **Target table**: production -> ``production``; imports/exports/net imports
  (with production, if given, as ``balance.production``) -> ``balance``;
  price -> ``prices``; reserves -> ``reserves``; recycling rate -> ``recycling``.
* **Numbers** as text ("1,234"), percentages ("55.96%"), tokens (W, NA, ..).
  Units from header brackets are converted: mass to t (kg for PGMs, Ga, Ge, Re),
  e.g. kt ×1000, 万吨 ×10000; "%" headers divide plain numbers by 100.

``detect`` stays modest (0.3–0.55) so that publisher recognisers and the
template recogniser win whenever they apply.

The package, in the order a sheet goes through it:

* :mod:`.roles` — the header words naming a column's role, and the first words of note lines;
* :mod:`.layout` — :class:`Layout` and :func:`analyse`: header row, shape and context of a table;
* :mod:`.records` — one raw record per value cell;
* :mod:`.cleaning` — names, years, numbers, units and stages of the records, or why a row is left out;
* :mod:`.tables` — the canonical tables, notes and mappings;
* :mod:`.recogniser` — :class:`AnalystTableRecogniser`, which runs them.
"""
from __future__ import annotations

from desktop.core.ingest.recognisers.analyst.layout import Layout, analyse
from desktop.core.ingest.recognisers.analyst.recogniser import AnalystTableRecogniser
from desktop.core.ingest.recognisers.analyst.roles import NOTE_PREFIXES, ROLE_WORDS, header_role

RECOGNISERS = [AnalystTableRecogniser()]

__all__ = ["NOTE_PREFIXES", "RECOGNISERS", "ROLE_WORDS", "AnalystTableRecogniser", "Layout", "analyse",
           "header_role"]
