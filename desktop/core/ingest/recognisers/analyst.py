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
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from desktop.core import dataset
from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.columns import (
    STAGE_ALIASES,
    is_blank,
    text_cells,
    year_in_text,
    year_of,
    years_of,
)
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.names import record_mappings, report_unknown
from desktop.core.ingest.titles import (
    MEASURES,
    countries_in_text,
    measure_of_header,
    measures_in_text,
    minerals_in_text,
    stage_in_text,
)
from desktop.core.units import convert_unit, split_unit, unit_in_text
from desktop.core.messages import Joined, Message, msg, term
from desktop.core.registry import default_registry
from desktop.core.registry.normalise import normalise_name
from desktop.core.values import parse_values

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
_ROLE_LOOKUP = {normalise_name(w): role for role, words in ROLE_WORDS.items() for w in words}
_NOTE_PREFIXES = ("注", "资料来源", "数据来源", "来源", "说明", "source", "sources", "note", "notes", "*")
# Tables named like the template's canonical sheets belong to the template recogniser.
_CANONICAL_SHEETS = set(dataset.TABLES) | {"meta", "readme"}
_PUBLISHER_SIGNATURES = ("world bank commodity price data", "mineral commodity summaries",
                         "worldwide governance indicators")


@dataclass
class Layout:
    header: int                                   # grid row of the header
    kind: str                                     # "long" | "wide" | "year_rows"
    titles: list[str] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=dict)
    measure_cols: dict[int, str] = field(default_factory=dict)     # long: column -> measure
    year_cols: dict[int, int] = field(default_factory=dict)        # wide: column -> year
    entity_cols: dict[int, str] = field(default_factory=dict)      # year_rows: column -> id
    entity: str | None = None                     # "mineral" | "country": what label rows/cols are
    label_col: int | None = None                  # wide: unlabelled entity column
    measure: str | None = None                    # from label header / title / sheet name
    indicator_measures: dict[str, str] = field(default_factory=dict)
    mineral: str | None = None
    country: str | None = None
    stage: str = ""
    unit_text: str = ""
    year: int | None = None
    ignored: dict[int, str] = field(default_factory=dict)   # columns not understood: column -> header
    why: list[str] = field(default_factory=list)  # how the context was found, for notes (Messages)
    ambiguous: list[str] = field(default_factory=list)

    def measures_used(self) -> set[str]:
        if self.kind == "long":
            return set(self.measure_cols.values())
        if self.indicator_measures:
            return set(self.indicator_measures.values())
        return {self.measure} if self.measure else set()


# -- layout analysis ---------------------------------------------------------------------

def _role(cell) -> str | None:
    label, _ = split_unit(cell)
    return _ROLE_LOOKUP.get(normalise_name(label))


def _header_score(row, registry) -> tuple[int, int]:
    cells = [c for c in row if not is_blank(c)]
    known = 0
    for c in cells:
        if year_of(c) is not None or _role(c) or measure_of_header(c):
            known += 1
        elif registry.mineral_id(split_unit(c)[0]):
            known += 1
    return known, len(cells)


def _entity_kind(values: pd.Series, registry) -> tuple[str | None, int]:
    vals = values[[not is_blank(v) for v in values]]
    if vals.empty:
        return None, 0
    uniq = pd.Series(pd.unique(vals.astype(str).str.strip()))
    n_min = int(registry.map_minerals(uniq).notna().sum())
    n_cty = int(registry.map_countries(uniq).notna().sum())
    if n_min == 0 and n_cty == 0:
        return None, 0
    return ("mineral", n_min) if n_min > n_cty else ("country", n_cty)


def _from_context(lay: Layout, sources, what: str, find, several_is_ambiguous: bool = True) -> str | None:
    """The one ``what`` named by the first source (title, then sheet/file name) that names any.

    Records how it was found in ``lay.why``; a source naming several is recorded in
    ``lay.ambiguous`` (or, with ``several_is_ambiguous=False``, the next source is tried).
    ``sources`` are (``source.*`` word, text) pairs, ``what`` a ``kind.*`` word.
    """
    for where, text in sources:
        found = find(text)
        if len(found) == 1:
            lay.why.append(msg("note.found_in_context", what=term("kind", what), value=found[0],
                               source=term("source", where), text=text))
            return found[0]
        if len(found) > 1 and several_is_ambiguous:
            lay.ambiguous.append(msg("note.names_several", source=term("source", where), text=text,
                                     what=term("kind", what), found=found))
            return None
    return None


def analyse(sheet: RawSheet, registry=None, limit: int | None = None) -> Layout | None:
    """Find the header, layout, measures and context of an analyst's table (None if not one).

    ``limit`` looks only at the first rows (detection on big files).
    """
    registry = registry or default_registry()
    grid = sheet.grid(limit)
    if grid.shape[0] < 2 or grid.shape[1] < 2:
        return None
    header = None
    for r in range(min(len(grid), 12)):
        known, filled = _header_score(grid.iloc[r].tolist(), registry)
        if filled >= 2 and known >= 2 and known * 2 >= filled:
            header = r
            break
    if header is None:
        return None
    titles = [" ".join(text_cells(grid.iloc[r].tolist())) for r in range(header)]
    titles = [t for t in titles if t]
    head = grid.iloc[header].tolist()
    roles: dict[str, int] = {}
    measure_cols: dict[int, str] = {}
    year_cols: dict[int, int] = {}
    names: dict[int, str] = {}
    for c, cell in enumerate(head):
        if is_blank(cell):
            continue
        y = year_of(cell)
        if y is not None:
            year_cols[c] = y
            continue
        role = _role(cell)
        if role and role not in roles:
            roles[role] = c
            continue
        m = measure_of_header(cell)
        if m:
            measure_cols[c] = m
            continue
        names[c] = str(cell)
    body = grid.iloc[header + 1:]
    lay = Layout(header=header, kind="", titles=titles, roles=roles)
    context = " ".join(titles)

    if len(year_cols) >= 2 or (year_cols and not measure_cols):
        lay.kind = "wide"
        lay.year_cols = year_cols
        if "mineral" in roles or "country" in roles:
            lay.entity = "country" if "country" in roles else "mineral"
        else:
            first_year = min(year_cols)
            label_candidates = [c for c in range(first_year) if c not in roles.values()]
            if not label_candidates:
                return None
            lay.label_col = label_candidates[0]
            lay.entity, _ = _entity_kind(body.iloc[:, lay.label_col], registry)
            label_head = head[lay.label_col]
            if not is_blank(label_head):
                m = measure_of_header(label_head)
                if m:
                    lay.measure = m
                    lay.why.append(msg("note.measure_from_header", header=label_head))
                lay.unit_text = split_unit(label_head)[1]
        lay.ignored = {c: n for c, n in names.items() if c != lay.label_col}
        lay.ignored.update({c: str(head[c]) for c in measure_cols if c != lay.label_col})
        if "indicator" in roles:
            col = body.iloc[:, roles["indicator"]]
            for v in pd.unique(col[[not is_blank(x) for x in col]].astype(str)):
                m = measure_of_header(v)
                if m:
                    lay.indicator_measures[v] = m
    elif "year" in roles and measure_cols:
        lay.kind = "long"
        lay.measure_cols = measure_cols
        lay.ignored = dict(names)
    elif measure_cols and ("country" in roles or "mineral" in roles):
        lay.kind = "long"          # no year column: the year comes from the title
        lay.measure_cols = measure_cols
        lay.ignored = dict(names)
    else:
        # years down a column, minerals or countries across
        year_col = roles.get("year")
        if year_col is None:
            first = body.iloc[:, 0]
            ys = years_of(first)
            filled = [not is_blank(v) for v in first]
            if sum(filled) and ys.notna().sum() >= 0.8 * sum(filled) and ys.notna().sum() >= 2:
                year_col = 0
        if year_col is None:
            return None
        lay.roles["year"] = year_col
        ids_min = {c: registry.mineral_id(split_unit(n)[0]) for c, n in names.items() if c != year_col}
        ids_cty = {c: registry.country_code(split_unit(n)[0]) for c, n in names.items() if c != year_col}
        n_min = sum(v is not None for v in ids_min.values())
        n_cty = sum(v is not None for v in ids_cty.values())
        if n_min == 0 and n_cty == 0:
            return None
        lay.kind = "year_rows"
        lay.entity = "mineral" if n_min >= n_cty else "country"
        ids = ids_min if lay.entity == "mineral" else ids_cty
        lay.entity_cols = {c: v for c, v in ids.items() if v is not None}
        lay.ignored = {c: names[c] for c, v in ids.items() if v is None}
        units = {split_unit(names[c])[1] for c in lay.entity_cols} - {""}
        if len(units) == 1:
            lay.unit_text = units.pop()

    # context from the title rows, then the sheet name
    sources = [("title", context), ("sheet_name", sheet.sheet)] if sheet.sheet else \
        [("title", context), ("file_name", sheet.path.stem)]
    if lay.kind != "long" and lay.measure is None and not lay.indicator_measures:
        lay.measure = _from_context(lay, sources, "measure", measures_in_text)
    if "mineral" not in roles and lay.entity != "mineral":
        lay.mineral = _from_context(lay, sources, "mineral", lambda t: minerals_in_text(registry, t))
    if "country" not in roles and lay.entity != "country":
        lay.country = _from_context(lay, sources, "country", lambda t: countries_in_text(registry, t),
                                    several_is_ambiguous=False)
    if "stage" not in roles:
        labels = " ".join(str(head[c]) for c in measure_cols) + " " + context + " " + sources[1][1]
        lay.stage = stage_in_text(labels)
    if not lay.unit_text:
        lay.unit_text = unit_in_text(context) or unit_in_text(sources[1][1])
    lay.year = year_in_text(context) or year_in_text(sources[1][1])
    return lay


# -- the recogniser ----------------------------------------------------------------------

class AnalystTableRecogniser:
    name = "analyst"
    label = Message("recogniser.analyst")

    def detect(self, sheet: RawSheet) -> float:
        try:
            layout = analyse(sheet, limit=200)
        except Exception:
            return 0.0
        if layout is None or not layout.measures_used():
            return 0.0
        grid_title = " ".join(str(v) for v in sheet.grid(3).iloc[:4, 0].tolist()
                              if not is_blank(v)).casefold()
        if any(sig in grid_title for sig in _PUBLISHER_SIGNATURES):
            return 0.1
        has_mineral = "mineral" in layout.roles or layout.entity == "mineral" or layout.mineral is not None
        score = 0.3 + (0.15 if has_mineral else 0.0) + (0.1 if not layout.ambiguous else 0.0)
        if normalise_name(sheet.sheet) in _CANONICAL_SHEETS:
            score = min(score, 0.3)
        return round(score, 2)

    # ------------------------------------------------------------------------------------
    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        layout = analyse(sheet, ctx.registry)
        where = {"file": sheet.file, "sheet": sheet.sheet}
        if layout is None:
            ctx.problems.error("unknown_layout", msg("problem.unknown_layout"), **where)
            return {}
        for text in layout.ambiguous:
            ctx.problems.warning("ambiguous_context", msg("problem.ambiguous_context", detail=text), **where)
        grid = sheet.grid()
        body = grid.iloc[layout.header + 1:].reset_index(drop=True)
        rows = np.arange(len(body), dtype="int64") + layout.header + 1 + sheet.first_grid_row
        head = grid.iloc[layout.header].tolist()
        for c, name in layout.ignored.items():
            filled = np.flatnonzero([not is_blank(v) for v in body.iloc[:, c]])
            if len(filled):
                why = {"year_rows": msg("drop.not_known_entity", kind=term("kind", str(layout.entity))),
                       "long": msg("drop.not_known_measure"), "wide": msg("drop.not_year_or_column")}[layout.kind]
                drop_rows(ctx, sheet, rows[filled], msg("drop.column_not_imported", column=name, why=why),
                          column=name)
                hints = ctx.registry.suggest(layout.entity, split_unit(name)[0]) \
                    if layout.kind == "year_rows" and layout.entity else []
                problem = (msg("problem.column_not_imported_hint", column=name, why=why, hints=hints) if hints
                           else msg("problem.column_not_imported", column=name, why=why))
                ctx.problems.warning("column_not_imported", problem,
                                     file=sheet.file, sheet=sheet.sheet, row=int(rows[0]) - 1, column=name)
                ctx.notes.append(msg("note.column_not_imported", sheet=sheet.sheet or sheet.file, column=name,
                                     why=why))
        records = self._records(layout, body, rows, head)
        if records.empty:
            ctx.notes.append(msg("note.no_values", sheet=sheet.sheet))
            return {}
        records = self._clean(records, layout, ctx, sheet, head)
        if records.empty:
            return {}
        out = self._tables(records, layout, ctx, sheet)
        self._note(layout, out, ctx, sheet)
        self._context_mappings(layout, records, head, ctx, sheet)
        return out

    @staticmethod
    def _context_mappings(lay: Layout, rec: pd.DataFrame, head: list, ctx: ParseContext, sheet: RawSheet) -> None:
        """Mappings the analyst should confirm: columns -> canonical columns, title/sheet name -> mineral."""
        for c, measure in lay.measure_cols.items():
            table, col = MEASURES[measure]
            n = int((rec["column"] == str(head[c])).sum())
            ctx.mappings.append(NameMapping("column", str(head[c]), f"{table}.{col}", 1.0, n))
        text = " ".join(lay.titles) or sheet.sheet or sheet.path.stem
        if lay.mineral is not None and rec["mineral_raw"].isna().all():
            ctx.mappings.append(NameMapping("mineral", text, lay.mineral, 0.9, int(rec["row"].nunique())))
        if lay.country is not None and rec["country_raw"].isna().all():
            ctx.mappings.append(NameMapping("country", text, lay.country, 0.9, int(rec["row"].nunique())))

    # ------------------------------------------------------------------------------------
    @staticmethod
    def _records(lay: Layout, body: pd.DataFrame, rows: np.ndarray, head: list) -> pd.DataFrame:
        """One record per value cell: entity names, year, measure, raw cell, row, column, unit."""
        def col(role):
            return body.iloc[:, lay.roles[role]].to_numpy(dtype=object) if role in lay.roles else None

        n = len(body)
        const = lambda v: np.full(n, v, dtype=object)  # noqa: E731
        mineral = col("mineral")
        country = col("country")
        stage = col("stage")
        unit = col("unit")
        indicator = col("indicator")
        if lay.label_col is not None:
            label = body.iloc[:, lay.label_col].to_numpy(dtype=object)
            if lay.entity == "mineral":
                mineral = label
            else:
                country = label
        parts = []

        def part(values, year, measure, column, unit_text, m=None, c=None):
            parts.append(pd.DataFrame({
                "mineral_raw": m if m is not None else (mineral if mineral is not None else const(None)),
                "country_raw": c if c is not None else (country if country is not None else const(None)),
                "stage_raw": stage if stage is not None else const(None),
                "unit_raw": unit if unit is not None else const(unit_text),
                "year_raw": year, "measure": measure, "cell": values, "row": rows,
                "column": str(column),
            }))

        if lay.kind == "long":
            year = col("year") if "year" in lay.roles else const(lay.year)
            for c, measure in lay.measure_cols.items():
                part(body.iloc[:, c].to_numpy(dtype=object), year, const(measure), head[c],
                     split_unit(head[c])[1] or lay.unit_text)
        elif lay.kind == "wide":
            if indicator is not None and lay.indicator_measures:
                measure = np.array([lay.indicator_measures.get(str(v), None) if not is_blank(v) else None
                                    for v in indicator], dtype=object)
                if unit is None:   # "产量（万吨）" in the indicator column carries the row's unit
                    unit = np.array([split_unit(v)[1] if not is_blank(v) else "" for v in indicator], dtype=object)
                    unit = np.where(unit == "", lay.unit_text, unit)
            else:
                measure = const(lay.measure)
            for c, y in lay.year_cols.items():
                part(body.iloc[:, c].to_numpy(dtype=object), const(y), measure, head[c],
                     split_unit(str(head[c]))[1] or lay.unit_text)
        else:  # year_rows
            year = body.iloc[:, lay.roles["year"]].to_numpy(dtype=object)
            for c, ident in lay.entity_cols.items():
                m = const(head[c]) if lay.entity == "mineral" else None
                cc = const(head[c]) if lay.entity == "country" else None
                part(body.iloc[:, c].to_numpy(dtype=object), year, const(lay.measure), head[c],
                     split_unit(str(head[c]))[1] or lay.unit_text,
                     m=None if m is None else const(split_unit(str(head[c]))[0]),
                     c=None if cc is None else const(split_unit(str(head[c]))[0]))
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    # ------------------------------------------------------------------------------------
    def _clean(self, rec: pd.DataFrame, lay: Layout, ctx: ParseContext, sheet: RawSheet,
               head: list) -> pd.DataFrame:
        reg = ctx.registry
        blank_cell = np.array([is_blank(v) for v in rec["cell"]], dtype=bool)
        # note / source rows under the table
        entity = rec["country_raw"].where(rec["country_raw"].notna(), rec["mineral_raw"])
        named = np.array([not is_blank(v) for v in entity], dtype=bool)
        first = entity.astype(str).str.strip().str.casefold()
        note = (first.str.startswith(_NOTE_PREFIXES).to_numpy() & named)
        if note.any():
            drop_rows(ctx, sheet, rec.loc[note, "row"].unique(), msg("drop.note_line"))
        rec = rec[~note].reset_index(drop=True)
        blank_cell, named = blank_cell[~note], named[~note]
        # empty cells are not values
        if blank_cell.any():
            per_row = rec.groupby("row").size()
            blanks = rec.loc[blank_cell].groupby("row").size()
            all_blank = blanks.index[blanks.to_numpy() == per_row.reindex(blanks.index).to_numpy()]
            in_blank_row = rec["row"].isin(all_blank).to_numpy()
            partial = blank_cell & ~in_blank_row
            if partial.any():
                drop_rows(ctx, sheet, rec.loc[partial, "row"].to_numpy(), msg("drop.empty_cell"))
            named_empty = blank_cell & in_blank_row & named
            if named_empty.any():
                drop_rows(ctx, sheet, rec.loc[named_empty, "row"].unique(), msg("drop.name_without_values"))
        rec = rec[~blank_cell].reset_index(drop=True)
        if rec.empty:
            return rec
        # measure
        no_measure = rec["measure"].isna().to_numpy()
        if no_measure.any():
            if lay.kind == "wide" and lay.indicator_measures:
                drop_rows(ctx, sheet, rec.loc[no_measure, "row"].unique(), msg("drop.indicator_not_measure"))
            else:
                ctx.problems.error("no_measure", msg("problem.no_measure"),
                                   file=sheet.file, sheet=sheet.sheet, row=int(rec["row"].min()))
                drop_rows(ctx, sheet, rec.loc[no_measure, "row"].unique(), msg("drop.measure_unknown"))
            rec = rec[~no_measure].reset_index(drop=True)
        if rec.empty:
            return rec
        rec["table"] = rec["measure"].map(lambda m: MEASURES[m][0])
        balance_sheet = rec["table"].eq("balance").any()

        # minerals
        if rec["mineral_raw"].isna().all():
            if lay.mineral is None:
                ctx.problems.error("no_mineral", msg("problem.no_mineral"), file=sheet.file, sheet=sheet.sheet,
                                   row=int(rec["row"].min()))
                drop_rows(ctx, sheet, rec["row"].unique(), msg("drop.mineral_unknown"))
                return rec.iloc[0:0]
            rec["mineral"] = lay.mineral
        else:
            raw = rec["mineral_raw"].astype(object)
            blank = np.array([is_blank(v) for v in raw])
            if blank.any() and lay.mineral is not None:
                raw = raw.where(~blank, lay.mineral)
                blank[:] = False
            mapped = reg.map_minerals(raw.where(~blank, None))
            bad = mapped.isna().to_numpy() & ~blank
            mcol = str(head[lay.roles["mineral"]]) if "mineral" in lay.roles else term("kind", "mineral")
            report_unknown(ctx, sheet, "mineral", raw[bad], rec.loc[bad, "row"], mcol)
            record_mappings(ctx, "mineral", raw[~bad & ~blank], mapped[~bad & ~blank],
                         rec.loc[~bad & ~blank, "row"].to_numpy())
            if (bad | blank).any():
                drop_rows(ctx, sheet, rec.loc[bad, "row"].unique(), msg("drop.unknown_mineral"))
                drop_rows(ctx, sheet, rec.loc[blank, "row"].unique(), msg("drop.no_mineral_name"))
            rec["mineral"] = mapped
            rec = rec[~(bad | blank)].reset_index(drop=True)

        # countries (not needed for prices and recycling)
        needs_country = rec["table"].isin(["production", "balance", "reserves"]).to_numpy()
        if rec["country_raw"].isna().all():
            rec["country"] = lay.country
            if needs_country.any() and lay.country is None:
                ctx.problems.error("no_country", msg("problem.no_country"), file=sheet.file, sheet=sheet.sheet,
                                   row=int(rec["row"].min()))
                drop_rows(ctx, sheet, rec.loc[needs_country, "row"].unique(), msg("drop.country_unknown"))
                rec = rec[~needs_country].reset_index(drop=True)
        else:
            raw = rec["country_raw"].astype(object)
            blank = np.array([is_blank(v) for v in raw])
            mapped = reg.map_countries(raw.where(~blank, None))
            need = rec["table"].isin(["production", "balance", "reserves"]).to_numpy()
            bad = mapped.isna().to_numpy() & ~blank & need
            ccol = str(head[lay.roles["country"]]) if "country" in lay.roles else term("kind", "country")
            report_unknown(ctx, sheet, "country", raw[bad], rec.loc[bad, "row"], ccol)
            record_mappings(ctx, "country", raw[~bad & ~blank], mapped[~bad & ~blank],
                         rec.loc[~bad & ~blank, "row"].to_numpy())
            drop_rows(ctx, sheet, rec.loc[bad, "row"].unique(), msg("drop.unknown_country"))
            drop_rows(ctx, sheet, rec.loc[blank & need, "row"].unique(), msg("drop.no_country_name"))
            rec["country"] = mapped
            rec = rec[~(bad | (blank & need))].reset_index(drop=True)
        if rec.empty:
            return rec

        # years
        years = years_of(rec["year_raw"])
        no_year = years.isna().to_numpy()
        if no_year.any():
            if lay.kind == "long" and "year" not in lay.roles:
                ctx.problems.error("no_year", msg("problem.no_year_anywhere"),
                                   file=sheet.file, sheet=sheet.sheet, row=int(rec["row"].min()))
            else:
                first_bad = rec.loc[no_year].iloc[0]
                ctx.problems.warning("not_a_year", msg("problem.values_without_year", n=int(no_year.sum())),
                                     file=sheet.file, sheet=sheet.sheet, row=int(first_bad["row"]),
                                     column=str(first_bad["column"]), value=str(first_bad["year_raw"]),
                                     expected=msg("expected.year_like"))
            drop_rows(ctx, sheet, rec.loc[no_year, "row"].unique(), msg("drop.no_valid_year"))
        rec["year"] = years
        rec = rec[~no_year].reset_index(drop=True)
        if rec.empty:
            return rec
        rec["year"] = rec["year"].astype("int64")

        # values
        values, states, bad = parse_values(rec["cell"])
        if bad.any():
            for _, r in rec.loc[bad].head(20).iterrows():
                ctx.problems.error("not_a_number", msg("problem.not_a_number"), file=sheet.file, sheet=sheet.sheet,
                                   row=int(r["row"]), column=str(r["column"]), value=str(r["cell"]),
                                   expected=msg("expected.number_or_percent"))
            if bad.sum() > 20:
                ctx.problems.error("not_a_number", msg("problem.more_not_numbers", n=int(bad.sum()) - 20),
                                   file=sheet.file, sheet=sheet.sheet)
            drop_rows(ctx, sheet, rec.loc[bad, "row"].to_numpy(), msg("drop.value_not_number"))
        rec["value"] = values
        rec["state"] = states
        rec = rec[~bad].reset_index(drop=True)
        written_pct = rec["cell"].map(lambda v: isinstance(v, str) and v.strip().endswith(("%", "％")))

        # units
        unit_raw = rec["unit_raw"].map(lambda v: "" if is_blank(v) else str(v).strip())
        pairs = pd.DataFrame({"u": unit_raw, "m": rec["mineral"]}).drop_duplicates()
        conv = {}
        for u, m in pairs.itertuples(index=False):
            conv[(u, m)] = convert_unit(u, m)
        keys = list(zip(unit_raw, rec["mineral"]))
        rec["unit"] = [conv[k].unit for k in keys]
        factor = np.array([conv[k].factor for k in keys], dtype=float)
        pct_unit = np.array([conv[k].dimension == "share" for k in keys])
        factor = np.where(pct_unit & written_pct.to_numpy(), 1.0, factor)
        rec["value"] = rec["value"].to_numpy() * factor
        said = set()
        for (u, m), (canon, f, known, dimension) in conv.items():
            if not u or (u, canon, f) in said:
                continue
            said.add((u, canon, f))
            if not known:
                ctx.problems.warning("unknown_unit", msg("problem.unit_not_known", unit=u),
                                     file=sheet.file, sheet=sheet.sheet, value=u)
            elif dimension == "share":
                ctx.notes.append(msg("note.share_unit", sheet=sheet.sheet, unit=u))
            elif f != 1.0:
                ctx.notes.append(msg("note.sheet_unit_converted", sheet=sheet.sheet, unit=u, target=canon, factor=f))
        # recycling rates written as 55 instead of 0.55
        rir = rec["table"].eq("recycling").to_numpy()
        if rir.any() and not pct_unit[rir].any():
            big = rir & (rec["value"].to_numpy() > 1) & ~written_pct.to_numpy()
            if big.any():
                rec.loc[big, "value"] = rec.loc[big, "value"] / 100.0
                ctx.problems.warning("percent_assumed", msg("problem.percent_assumed"), file=sheet.file,
                                     sheet=sheet.sheet,
                                     row=int(rec.loc[big, "row"].min()))
        # stages
        if rec["stage_raw"].notna().any():
            st_raw = rec["stage_raw"].map(lambda v: "" if is_blank(v) else normalise_name(v))
            st = st_raw.map(STAGE_ALIASES)
            unknown = st.isna()
            for v in st_raw[unknown].unique():
                ctx.problems.warning("unknown_stage", msg("problem.stage_not_understood", stage=v),
                                     file=sheet.file, sheet=sheet.sheet, value=str(v),
                                     expected=msg("expected.stage_zh"))
            rec["stage"] = st.fillna("")
        else:
            rec["stage"] = lay.stage
        rec["balance_sheet"] = balance_sheet
        return rec

    # ------------------------------------------------------------------------------------
    @staticmethod
    def _tables(rec: pd.DataFrame, lay: Layout, ctx: ParseContext, sheet: RawSheet) -> dict[str, pd.DataFrame]:
        out: dict[str, pd.DataFrame] = {}
        balance_sheet = bool(rec["balance_sheet"].iloc[0])
        if balance_sheet:
            # production on a sheet with imports/exports feeds the balance, not world shares
            rec.loc[rec["measure"] == "production", "table"] = "balance"
        for table, grp in rec.groupby("table", sort=False):
            if table == "balance":
                out["balance"] = AnalystTableRecogniser._balance(grp, ctx, sheet)
                continue
            col = MEASURES[grp["measure"].iloc[0]][1]
            frame = pd.DataFrame({
                "mineral": grp["mineral"].to_numpy(), "country": grp["country"].to_numpy(),
                "year": grp["year"].to_numpy(), "stage": grp["stage"].to_numpy(),
                col: grp["value"].to_numpy(), f"{col}_state": grp["state"].to_numpy(),
                "unit": grp["unit"].to_numpy(), "_row": grp["row"].to_numpy(),
            })
            keep = dataset.columns(table) + ["_row"]
            out[table] = frame[[c for c in keep if c in frame.columns]].reset_index(drop=True)
        return out

    @staticmethod
    def _balance(grp: pd.DataFrame, ctx: ParseContext, sheet: RawSheet) -> pd.DataFrame:
        keys = ["mineral", "country", "year", "stage"]
        grp = grp.copy()
        grp["measure"] = grp["measure"].map(lambda m: MEASURES[m][1] if m != "production" else "production")
        dup = grp.duplicated(keys + ["measure"], keep="last")
        if dup.any():
            first = grp[dup].iloc[0]
            ctx.problems.error("duplicate", msg("problem.duplicate_values", n=int(dup.sum())),
                               file=sheet.file, sheet=sheet.sheet,
                               row=int(first["row"]), column=str(first["column"]))
            grp = grp[~dup]
        wide = grp.pivot(index=keys, columns="measure", values=["value", "state"])
        out = pd.DataFrame(index=wide.index)
        for col in ("production", "imports", "exports", "net_imports"):
            if ("value", col) in wide.columns:
                out[col] = wide[("value", col)].astype(float)
                out[f"{col}_state"] = wide[("state", col)].fillna("")
            else:
                out[col] = np.nan
                out[f"{col}_state"] = ""
        out["unit"] = grp.groupby(keys)["unit"].first()
        out["_row"] = grp.groupby(keys)["row"].min().astype("int64")
        return out.reset_index()[dataset.columns("balance") + ["_row"]]

    @staticmethod
    def _note(lay: Layout, out: dict, ctx: ParseContext, sheet: RawSheet) -> None:
        where = sheet.sheet or sheet.file
        tables = [msg("note.table_rows", table=t, rows=len(f)) for t, f in out.items()]
        params = {"sheet": where, "shape": term("shape", lay.kind), "tables": tables}
        if lay.why:
            ctx.notes.append(msg("note.analyst_table_why", **params, why=Joined(tuple(lay.why), "; ")))
        else:
            ctx.notes.append(msg("note.analyst_table", **params))
        if lay.stage:
            ctx.notes.append(msg("note.stage_from_title", sheet=where, stage=lay.stage))


RECOGNISERS = [AnalystTableRecogniser()]
