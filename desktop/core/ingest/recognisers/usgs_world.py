"""USGS Mineral Commodity Summaries world data: production by country, reserves.

Two layouts, both long (one row per country and production series):

* the single-file release (``MCS2025_World_Data.csv``): ``COMMODITY, COUNTRY,
  TYPE, UNIT_MEAS, PROD_2023, PROD_EST_ 2024, PROD_NOTES, CAP_…, RESERVES_2024,
  RESERVE_NOTES``; the unit is a column;
* per-commodity world files of other releases: ``Source, Country, Type,
  Prod_t_2022, Prod_kt_est_2023, Cap_t_2023, Reserves_kt, Reserves_notes``; the
  unit and year live in the column names, the commodity in a ``Commodity``
  column or the file name (``mcs2023-cobal_world.csv``).

See docs/formats-publishers.md for what is read, converted and dropped.
"""
from __future__ import annotations

import re
from typing import TypedDict

import numpy as np
import pandas as pd

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.ingest.columns import map_unique
from desktop.core.ingest.drops import drop_rows, region_reasons
from desktop.core.ingest.headers import header_map, norm_header
from desktop.core.ingest.names import map_names, record_mappings, report_unknown
from desktop.core.units import basis_of, quantity_unit, with_basis
from desktop.core.messages import Message, msg, term
from desktop.core.registry import AGGREGATE_CODES, normalise_name
from desktop.core.values import MISSING, WITHHELD, parse_values

_UNIT_TOKENS = {"t", "kt", "mt", "mmt", "kg", "g", "ct", "kct", "mct", "mcm", "m3"}
_UNIT_WORDS = {"t": "metric tons", "kt": "thousand metric tons", "mt": "million metric tons",
               "mmt": "million metric tons", "kg": "kilograms", "g": "grams", "ct": "carats",
               "kct": "thousand carats", "mct": "million carats", "mcm": "million cubic meters",
               "m3": "cubic meters"}
_KINDS = {"prod": "prod", "production": "prod", "cap": "cap", "capacity": "cap",
          "reserves": "res", "reserve": "res"}
# USGS five-letter commodity codes used in file names, where not a prefix of the mineral id.
USGS_CODES = {
    "abras": "abrasives", "alumi": "aluminum", "bauxi": "bauxite", "barit": "barite",
    "diamo": "diamond_industrial", "feore": "iron_ore", "fepig": "iron_oxide_pigments",
    "fescr": "iron_steel_scrap", "fesla": "iron_steel_slag", "feste": "iron_steel",
    "mgcomp": "magnesite", "mgmet": "magnesium", "plati": "pgm", "rareee": "rare_earths",
    "sandc": "sand_gravel_construction", "sandi": "sand_gravel_industrial", "simet": "silicon",
    "sodaa": "soda_ash", "stonc": "stone_crushed", "stond": "stone_dimension",
    "timin": "titanium", "titan": "titanium", "quart": "quartz", "nitro": "nitrogen",
    "germa": "germanium", "zirco": "zirconium",
}
_STAGE_MINE = re.compile(r"\bmine\b", re.I)
_STAGE_REFINERY = re.compile(r"refinery|smelter|sponge|pig iron|raw steel|ferosilicon|ferrosilicon|"
                             r"silicon metal|plant production|primary production|trioxide", re.I)
_STRIP = re.compile(r"\b(mine|plant|smelter|refinery|primary|secondary|and|production|poduction|"
                    r"estimated|content|recoverable|equivalent|metal)\b", re.I)
_RESERVE_UNIT = re.compile(r"(?:^|[(,]\s*|reserve data is\s+)(thousand|million) metric tons", re.I)
_COUNTRY_QUALIFIER = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def mineral_from_filename(stem: str, ctx: ParseContext) -> str | None:
    """Mineral of a per-commodity file from its name (``mcs2023-cobal_world``)."""
    words = [w for w in re.split(r"[^a-z0-9]+", stem.casefold()) if w and not w.isdigit()]
    words = [w for w in words if not re.fullmatch(r"mcs\d*|world|salient|data|production|v\d+", w)]
    for word in words:
        if word in USGS_CODES:
            return USGS_CODES[word]
        found = ctx.registry.mineral_id(word)
        if found:
            return found
    ids = list(ctx.registry.minerals.index)
    for word in words:
        hits = [m for m in ids if m.startswith(word) and len(word) >= 4]
        if len(hits) == 1:
            return hits[0]
    return None


class ValueColumn(TypedDict):
    """What the header of a value column says (``PROD_EST_ 2024``, ``Reserves_kt``, ``PROD_NOTES``)."""

    kind: str              # "prod" | "cap" | "res"; "prod_notes", … for a notes column
    year: int | None       # the year in the header, if any
    unit: str | None       # the unit in the header, as USGS words ("thousand metric tons"), if any
    est: bool              # marked as an estimate


def _columns(headers) -> dict[str, ValueColumn]:
    """Classify value columns: {header: {kind, year, unit, est}}; notes columns kind '*_notes'."""
    out: dict[str, ValueColumn] = {}
    for col in headers:
        tokens = [t for t in norm_header(col).split("_") if t]
        if not tokens or tokens[0] not in _KINDS:
            continue
        kind = _KINDS[tokens[0]]
        info: ValueColumn = {"kind": kind, "year": None, "unit": None, "est": False}
        for tok in tokens[1:]:
            if re.fullmatch(r"(19|20)\d\d", tok):
                info["year"] = int(tok)
            elif tok in ("est", "e", "estimated"):
                info["est"] = True
            elif tok in _UNIT_TOKENS:
                info["unit"] = _UNIT_WORDS[tok]
            elif tok in ("notes", "note"):
                info["kind"] = kind + "_notes"
        out[col] = info
    return out


def _find(norm: dict[str, str], *names) -> str | None:
    """The header of the first of ``names`` a sheet has (``norm``: its :func:`header_map`)."""
    return next((norm[n] for n in names if n in norm), None)


class USGSWorldRecogniser:
    name = "usgs_world"
    label = Message("recogniser.usgs_world")

    def detect(self, sheet: RawSheet) -> float:
        norm = header_map(sheet.frame.columns)
        columns = _columns(sheet.frame.columns)
        kinds = {v["kind"] for v in columns.values()}
        if "country" not in norm or "prod" not in kinds and "res" not in kinds:
            return 0.0
        score = 0.6
        if "type" in norm:
            score += 0.2
        if "commodity" in norm or "source" in norm:
            score += 0.1
        if "unit_meas" in norm or any(v["unit"] for v in columns.values()):
            score += 0.05
        return min(score, 0.95)

    # ------------------------------------------------------------------------------
    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        frame = sheet.frame
        norm = header_map(frame.columns)
        rows = sheet.excel_rows()
        cols = _columns(frame.columns)
        c_country = norm["country"]         # detect returns 0 for a sheet without a country column
        c_type = _find(norm, "type")
        c_unit = _find(norm, "unit_meas", "unit", "units")
        c_comm = _find(norm, "commodity")
        n_in = len(frame)

        # -- mineral of each row ---------------------------------------------------------
        if c_comm:
            commodity = frame[c_comm].astype(object)
            mineral = map_names(ctx, sheet, "mineral", commodity, rows, c_comm)
        else:
            found = mineral_from_filename(sheet.path.stem, ctx)
            if not found:
                ctx.problems.error("unknown_mineral", msg("problem.no_commodity"), file=sheet.file,
                                   sheet=sheet.sheet, expected=msg("expected.mineral_in_file_name"))
                found = None
            commodity = pd.Series(sheet.path.stem, index=frame.index, dtype=object)
            mineral = pd.Series(found, index=frame.index, dtype=object)
            if found:
                ctx.notes.append(msg("note.mineral_from_file_name", mineral=found))
        type_text = (frame[c_type].astype(object).where(frame[c_type].notna(), "").astype(str).str.strip()
                     if c_type else pd.Series("", index=frame.index))
        mineral = self._sub_products(type_text, mineral, ctx)
        stage = np.where(type_text.str.contains(_STAGE_MINE), "mine",
                         np.where(type_text.str.contains(_STAGE_REFINERY), "refinery", ""))
        stage = pd.Series(stage, index=frame.index, dtype=object)

        # -- country of each row ------------------------------------------------------------
        raw_country = frame[c_country].astype(object)
        region = ctx.registry.map_regions(raw_country)
        country = map_names(ctx, sheet, "country", raw_country, rows, c_country, skip=region.notna(),
                            report=False)
        qualified = self._qualified_countries(raw_country, country, ctx)
        fixed = qualified.notna() & country.isna() & region.isna()
        record_mappings(ctx, "country", raw_country[fixed], qualified[fixed], rows[fixed].to_numpy())
        country = qualified
        unknown = country.isna() & region.isna() & raw_country.notna()
        report_unknown(ctx, sheet, "country", raw_country[unknown], rows[unknown].to_numpy(), c_country)

        # -- units ------------------------------------------------------------------------------
        unit_text = (frame[c_unit].astype(object).where(frame[c_unit].notna(), "").astype(str).str.strip()
                     if c_unit else pd.Series("", index=frame.index, dtype=object))

        # -- series: (commodity, TYPE); series with only aggregate rows are not imported ---------
        series = commodity.astype(str).str.strip() + " | " + type_text
        blank_unit = unit_text == ""
        if c_unit and blank_unit.any():
            filled = unit_text.where(~blank_unit).groupby(series).transform("first")
            for i in np.flatnonzero(blank_unit & filled.notna()):
                ctx.notes.append(msg("note.unit_filled", row=int(rows.iloc[i]), column=c_unit, unit=filled.iloc[i]))
            unit_text = unit_text.where(~blank_unit | filled.isna(), filled)
        capacity = type_text.str.contains(r"capacity", case=False)
        is_agg = country.isin(AGGREGATE_CODES)
        has_country = (~is_agg & country.notna()).groupby(series).transform("any")
        only_totals = ~has_country & is_agg
        basis = map_unique(type_text, basis_of).astype(str)
        priority = np.where(type_text.str.contains(r"content|equivalent", case=False), 2, 1)

        imported = np.zeros(n_in, dtype=bool)
        reasons = pd.Series("", index=frame.index, dtype=object)
        reasons[region.notna()] = region_reasons(raw_country.astype(str).str.strip(), region)[region.notna()]
        reasons[country.isna() & region.isna()] = msg("drop.unknown_country_see")
        reasons[mineral.isna()] = msg("drop.unknown_mineral_see")
        reasons[capacity & (reasons == "")] = map_unique(type_text[capacity],
                                                         lambda t: msg("drop.capacity_series", type=t))
        reasons[only_totals & (reasons == "")] = msg("drop.world_total_only")
        usable = (reasons == "").to_numpy()

        tables = {}
        prod = self._values(frame, cols, "prod", usable, mineral, country, stage, unit_text, basis, rows,
                            priority, ctx, sheet, notes_col=_find(norm, "prod_notes"))
        res = self._values(frame, cols, "res", usable, mineral, country, stage, unit_text, basis, rows,
                           priority, ctx, sheet, notes_col=_find(norm, "reserve_notes", "reserves_notes"))
        cap_cols = [c for c, v in cols.items() if v["kind"] == "cap"]
        for name, out, keys, value in (("production", prod, ["mineral", "country", "year", "stage"], "quantity"),
                                       ("reserves", res, ["mineral", "country", "year"], "reserves")):
            if out is None or out.empty:
                continue
            out = out.sort_values(["_priority", "_row"], ascending=[False, True], kind="stable")
            dup = out.duplicated(keys, keep="first")
            if dup.any():
                kept = out[~dup].set_index(keys)["_row"]
                lost = out[dup]
                ctx.notes.append(msg("note.repeated_series", n=int(dup.sum()), table=term("table", name),
                                     row=int(lost["_row"].iloc[0]), first=int(kept.loc[tuple(lost[keys].iloc[0])])))
                out = out[~dup]
            out = out.sort_values(["_row", "year"], kind="stable").drop(columns="_priority")
            imported[np.searchsorted(rows.to_numpy(), out["_row"].unique())] = True
            if name == "production":
                out = out[["mineral", "country", "year", "stage", value, f"{value}_state", "unit", "_row"]]
            else:
                out = out[["mineral", "country", "year", value, f"{value}_state", "unit", "_row"]]
            tables[name] = out.reset_index(drop=True)

        # -- dropped-row accounting ---------------------------------------------------------
        has_cap = pd.Series(False, index=frame.index)
        for c in cap_cols:
            has_cap |= frame[c].notna() & (frame[c].astype(str).str.strip() != "")
        left = ~imported
        why = reasons.copy()
        cap_only = left & (why == "") & has_cap.to_numpy()
        why[cap_only] = msg("drop.capacity_only")
        dup_only = left & (why == "")
        values_any = pd.Series(False, index=frame.index)
        for c, v in cols.items():
            if v["kind"] in ("prod", "res"):
                values_any |= frame[c].notna() & (frame[c].astype(str).str.strip() != "")
        why[dup_only & values_any.to_numpy()] = msg("drop.repeats_preferred")
        why[(why == "") & left] = msg("drop.no_production_or_reserves")
        drop_rows(ctx, sheet, rows[left], why[left])
        if cap_cols:
            ctx.notes.append(msg("note.capacity_columns", columns=cap_cols))
        est = [c for c, v in cols.items() if v["est"] and v["kind"] in ("prod", "res")]
        if est:
            years = sorted({year for year in (cols[c]["year"] for c in est) if year})
            shown = msg("phrase.years", years=years) if years else msg("phrase.est_columns")
            ctx.notes.append(msg("note.usgs_estimates", years=shown, columns=est))
        self._series_notes(commodity, type_text, mineral, stage, unit_text, basis, cols, usable, ctx)
        ctx.notes.append(msg("note.usgs_world", read=n_in, imported=int(imported.sum()),
                             left=int((~imported).sum())))
        return tables

    # ------------------------------------------------------------------------------
    @staticmethod
    def _sub_products(type_text: pd.Series, mineral: pd.Series, ctx: ParseContext) -> pd.Series:
        """A TYPE naming another registry mineral (Palladium content, Pig iron, Kaolin) wins."""
        reg = ctx.registry
        uniq = type_text.unique()
        found = {}
        for text in uniq:
            for piece in str(text).split(","):
                piece = re.sub(r"\s+-\s+.*$", "", piece)
                key = _STRIP.sub(" ", piece)
                key = re.sub(r"\s+", " ", key).strip()
                if not key:
                    continue
                mid = reg.mineral_id(key)
                if mid:
                    found[text] = mid
                    break
        override = type_text.map(found)
        return override.where(override.notna() & mineral.notna(), mineral)

    @staticmethod
    def _qualified_countries(raw: pd.Series, country: pd.Series, ctx: ParseContext) -> pd.Series:
        """'Brazil (beneficiated)': when unknown, read the name before the bracket; note it."""
        todo = country.isna() & raw.notna()
        if not todo.any():
            return country
        fixed = {}
        for name in raw[todo].unique():
            m = _COUNTRY_QUALIFIER.match(normalise_name(name))
            if m:
                code = ctx.registry.country_code(m.group(1))
                if code:
                    fixed[name] = code
                    ctx.notes.append(msg("note.country_qualifier", name=str(name).strip(), code=code,
                                         qualifier=m.group(2)))
        return country.where(~todo, raw.map(fixed))

    def _values(self, frame, cols, kind, usable, mineral, country, stage, unit_text, basis, rows, priority,
                ctx, sheet, notes_col) -> pd.DataFrame | None:
        value_cols = [c for c, v in cols.items() if v["kind"] == kind]
        if not value_cols:
            return None
        notes = (frame[notes_col].astype(object).where(frame[notes_col].notna(), "").astype(str).str.strip()
                 if notes_col else pd.Series("", index=frame.index))
        latest = max((v["year"] for v in cols.values() if v["year"]), default=None)
        # Reserve units stated in the notes apply to the whole series.
        unit_here = unit_text.copy()
        if kind == "res":
            stated = notes.str.extract(_RESERVE_UNIT, expand=False).str.lower()
            series = mineral.astype(str) + "|" + basis
            stated = stated.groupby(series).transform("first")
            if stated.notna().any():
                unit_here = unit_here.where(stated.isna(), stated + " metric tons")
                ctx.notes.append(msg("note.reserve_units", minerals=sorted(set(mineral[stated.notna()].dropna()))))
        parts = []
        for col in value_cols:
            info = cols[col]
            year = info["year"] or latest
            if year is None:
                ctx.problems.error("no_year", msg("problem.column_without_year", column=col),
                                   file=sheet.file, sheet=sheet.sheet, column=col)
                continue
            raw = frame[col]
            numbers, states, bad = parse_values(raw)
            empty = raw.isna().to_numpy() | (raw.astype(str).str.strip() == "").to_numpy()
            # USGS writes W / NA in the notes and leaves the value empty.
            w_note = notes.str.match(r"(?i)^w\b").to_numpy()
            na_note = notes.str.fullmatch(r"(?i)na|n\.a\.|xx").to_numpy()
            states = np.where(empty & w_note, WITHHELD, np.where(empty & na_note, MISSING, states))
            keep = usable & ~bad & (~empty | w_note | na_note)
            if bad.any():
                for i in np.flatnonzero(bad & usable)[:20]:
                    ctx.problems.warning("not_a_number", msg("problem.cell_left_out"),
                                         file=sheet.file, sheet=sheet.sheet, row=int(rows.iloc[i]),
                                         column=col, value=str(raw.iloc[i]), expected=msg("expected.number_w_na_bound"))
            unit = info["unit"]
            units = pd.Series(unit, index=frame.index, dtype=object) if unit else unit_here
            part = pd.DataFrame({"mineral": mineral, "country": country, "year": year, "stage": stage,
                                 "_v": numbers, "_s": states, "_unit": units, "_basis": basis,
                                 "_row": rows, "_priority": priority})[keep]
            parts.append(part)
        if not parts:
            return None
        out = pd.concat(parts, ignore_index=True)
        # Convert units once per distinct (unit, mineral).
        pairs = out[["_unit", "mineral"]].drop_duplicates()
        conversions: dict[tuple[str, str], tuple[str, float] | None] = {       # (canonical unit, factor)
            (written_unit, mineral_id): quantity_unit(written_unit, mineral_id)
            for written_unit, mineral_id in pairs.itertuples(index=False)}
        keys = list(zip(out["_unit"], out["mineral"]))
        unknown_units = {k for k, conversion in conversions.items() if conversion is None}
        for written_unit, mineral_id in unknown_units:
            first = out.loc[(out["_unit"] == written_unit) & (out["mineral"] == mineral_id), "_row"].min()
            ctx.problems.error("unknown_unit", msg("problem.unit_not_convertible_for", unit=written_unit,
                                                   mineral=mineral_id),
                               file=sheet.file, sheet=sheet.sheet, row=int(first), value=str(written_unit),
                               expected=msg("expected.usgs_units"))
        ok = np.array([conversions[k] is not None for k in keys], dtype=bool)
        out = out[ok].copy()
        kept = [conversion for k in keys if (conversion := conversions[k]) is not None]   # of each row kept
        value = "quantity" if kind == "prod" else "reserves"
        out[value] = out["_v"].to_numpy() * np.array([factor for _, factor in kept], dtype=float)
        out[f"{value}_state"] = out["_s"]
        out["unit"] = [with_basis(canonical, row_basis) for (canonical, _), row_basis in zip(kept, out["_basis"])]
        out["year"] = out["year"].astype("int64")
        out["_row"] = out["_row"].astype("int64")
        return out.drop(columns=["_v", "_s", "_unit", "_basis"])

    @staticmethod
    def _series_notes(commodity, type_text, mineral, stage, unit_text, basis, cols, usable, ctx) -> None:
        col_units = {v["unit"] for v in cols.values() if v["unit"]}
        frame = pd.DataFrame({"c": commodity.astype(str).str.strip(), "t": type_text, "m": mineral,
                              "s": stage, "u": unit_text, "b": basis})[usable]
        for (c, t, m, s, u, b), _ in frame.groupby(["c", "t", "m", "s", "u", "b"], dropna=False, sort=False):
            unit_in = u if isinstance(u, str) and u else ", ".join(sorted(col_units))
            factor = quantity_unit(u, m) if isinstance(u, str) and u else None
            conv = (msg("note.unit_conversion", unit=unit_in, target=with_basis(factor[0], b), factor=factor[1])
                    if factor else unit_in)
            ctx.notes.append(msg("note.usgs_series", commodity=c, type=t or msg("phrase.no_type"), mineral=m,
                                 stage=s or msg("phrase.not_stated"), conversion=conv))


RECOGNISERS = [USGSWorldRecogniser()]
