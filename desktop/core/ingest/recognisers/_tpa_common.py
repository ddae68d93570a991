"""Helpers of the trade (BACI), price (Pink Sheet, price tables) and analyst-table recognisers.

(The publisher recognisers USGS/WGI/WMD share ``_common.py``; this module is
separate so that the two groups can evolve independently.)

Nothing here knows a publisher: spreadsheet rows, dropped-row records,
unknown-name problems, year headers such as ``2013年``/``Y2013``, units in
header brackets, and finding a mineral, a measure or a stage named in a sheet
name or a title row.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.registry.normalise import normalise_name

# -- rows -------------------------------------------------------------------------------


def drop_rows(ctx: ParseContext, sheet: RawSheet, rows, reason: str, **extra) -> None:
    """Record rows left out: one entry per reason with the count, first row and first 20 rows."""
    rows = np.asarray(rows, dtype="int64")
    if len(rows) == 0:
        return
    entry = {"file": sheet.file, "sheet": sheet.sheet, "row": int(rows.min()), "reason": reason,
             "count": int(len(rows))}
    if len(rows) > 1:
        entry["rows"] = [int(r) for r in np.sort(rows)[:20]]
    entry.update(extra)
    ctx.dropped.append(entry)


def report_unknown(ctx: ParseContext, sheet: RawSheet, kind: str, raw: pd.Series, rows,
                   column: str) -> None:
    """One error per distinct unknown name, at its first row, with the registry's suggestions."""
    if len(raw) == 0:
        return
    first = pd.DataFrame({"raw": raw.astype(str).str.strip().to_numpy(), "row": np.asarray(rows)})
    summary = first.groupby("raw", sort=False)["row"].agg(["min", "nunique"])
    what = "mineral" if kind == "mineral" else "country or region"
    for name, (row, count) in summary.iterrows():
        hints = ctx.registry.suggest(kind, name)
        hint = f" Did you mean: {', '.join(hints)}?" if hints else ""
        more = f" ({count} rows)" if count > 1 else ""
        ctx.problems.error(
            f"unknown_{kind}", f"Unknown {what} '{name}'{more}; add an alias or correct the name.{hint}",
            file=sheet.file, sheet=sheet.sheet, row=int(row), column=column, value=str(name),
            expected=f"a {what} known to the registry")
        ctx.mappings.append(NameMapping(kind, str(name), "", 0.0, int(count)))


def add_mappings(ctx: ParseContext, kind: str, raw: pd.Series, mapped: pd.Series, rows=None) -> None:
    """One NameMapping per distinct (raw, target) pair, with the number of source rows carrying it."""
    ok = mapped.notna().to_numpy()
    if not ok.any():
        return
    pairs = pd.DataFrame({"raw": raw[ok].astype(str).str.strip().to_numpy(),
                          "target": mapped[ok].astype(str).to_numpy(),
                          "row": np.asarray(rows)[ok] if rows is not None else np.arange(int(ok.sum()))})
    for (name, target), count in pairs.groupby(["raw", "target"], sort=False)["row"].nunique().items():
        ctx.mappings.append(NameMapping(kind, name, target, 1.0, int(count)))


# -- years ------------------------------------------------------------------------------

_YEAR = re.compile(r"^\s*(?:Y|FY|CY)?\s*((?:19|20)\d{2})(?:\.0+)?\s*(?:年度|年)?\s*$", re.IGNORECASE)
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def year_of(value) -> int | None:
    """A year header (2013, 2013.0, '2013', '2013年', 'Y2013', 'FY2013') as an int, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, np.integer)):
        return int(value) if 1900 <= int(value) <= 2100 else None
    if isinstance(value, (float, np.floating)):
        if np.isnan(value) or not float(value).is_integer():
            return None
        return int(value) if 1900 <= value <= 2100 else None
    m = _YEAR.match(str(value))
    return int(m.group(1)) if m else None


def years_of(values: pd.Series) -> pd.Series:
    """Vectorised :func:`year_of` (distinct values parsed once); None where not a year."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lookup = np.array([year_of(u) for u in uniques] + [None], dtype=object)
    return pd.Series(lookup[codes], index=values.index, dtype=object)


def year_in_text(text: str) -> int | None:
    """The only year written in a title (e.g. '2024年全球锂储量'), else None."""
    found = {int(y) for y in _YEAR_IN_TEXT.findall(str(text or ""))}
    return found.pop() if len(found) == 1 else None


# -- units ------------------------------------------------------------------------------

_BRACKET_END = re.compile(r"[（(\[【]\s*([^）)\]】]*?)\s*[）)\]】]\s*$")
_BRACKET_ANY = re.compile(r"[（(\[【]\s*([^）)\]】]*?)\s*[）)\]】]")

# Same policy as the publisher recognisers: mass in tonnes, except the metals that
# publishers count in kilograms (kept in kg so that shares compare like with like).
KG_MINERALS = frozenset({"pgm", "platinum", "palladium", "rhodium", "iridium", "ruthenium", "osmium",
                         "gallium", "germanium", "rhenium"})
# written unit (spaces removed, case-folded) -> size in kg
MASS_UNITS = {
    "t": 1e3, "tonnes": 1e3, "tonne": 1e3, "tons": 1e3, "ton": 1e3, "metrictons": 1e3, "metr.t": 1e3,
    "吨": 1e3, "公吨": 1e3,
    "kt": 1e6, "千吨": 1e6, "thousandtonnes": 1e6, "thousandtons": 1e6, "thousandt": 1e6, "'000t": 1e6,
    "000t": 1e6, "万吨": 1e7, "10kt": 1e7,
    "mt": 1e9, "百万吨": 1e9, "milliontonnes": 1e9, "milliontons": 1e9, "亿吨": 1e11,
    "kg": 1.0, "千克": 1.0, "公斤": 1.0, "g": 1e-3, "克": 1e-3,
}
# "mt" is million tonnes in mass units (as for the publisher recognisers); in a price
# unit ("$/mt", Pink Sheet) it is a metric ton.
# written price unit -> (canonical unit, factor)
PRICE_UNITS = {
    "$/t": ("USD/t", 1.0), "$/mt": ("USD/t", 1.0), "$/tonne": ("USD/t", 1.0), "美元/吨": ("USD/t", 1.0),
    "$/kg": ("USD/kg", 1.0), "美元/千克": ("USD/kg", 1.0), "美元/公斤": ("USD/kg", 1.0),
    "$/lb": ("USD/lb", 1.0), "美元/磅": ("USD/lb", 1.0),
    "$/troyoz": ("USD/troy oz", 1.0), "$/oz": ("USD/troy oz", 1.0), "美元/盎司": ("USD/troy oz", 1.0),
    "$/dmtu": ("USD/dmtu", 1.0),
    "元/吨": ("CNY/t", 1.0), "人民币/吨": ("CNY/t", 1.0), "万元/吨": ("CNY/t", 1e4),
    "元/千克": ("CNY/kg", 1.0), "元/公斤": ("CNY/kg", 1.0), "元/克": ("CNY/g", 1.0),
}
# basis written after a mass unit (spaces removed, case-folded) -> label kept in the unit ("" = content)
BASES = {
    "reo": "REO", "li2o": "Li2O", "lce": "LCE", "p2o5": "P2O5", "k2o": "K2O", "tio2": "TiO2",
    "cr2o3": "Cr2O3", "u3o8": "U3O8", "nb2o5": "Nb2O5", "ta2o5": "Ta2O5", "zro2": "ZrO2",
    "金属量": "", "金属": "", "含量": "", "metalcontent": "", "content": "", "contained": "",
    "实物量": "gross weight", "grossweight": "gross weight", "gross": "gross weight",
    "精矿": "concentrate", "concentrate": "concentrate", "矿石": "ore", "ore": "ore", "氧化物": "oxide",
}
PERCENT_UNITS = {"%", "percent", "百分比", "百分比(%)"}


def split_unit(header) -> tuple[str, str]:
    """'产量（吨）' -> ('产量', '吨'); 'Production (kt)' -> ('Production', 'kt'); no bracket -> (h, '')."""
    text = str(header).strip()
    m = _BRACKET_END.search(text)
    if not m:
        return text, ""
    return text[:m.start()].strip(), m.group(1).strip()


def _unit_key(unit) -> str:
    key = re.sub(r"\s+", "", str(unit)).casefold().replace("／", "/").replace("＄", "$")
    for usd in ("us$", "usd", "us dollars", "dollars"):
        key = key.replace(usd, "$")
    return key


def convert_unit(unit, mineral: str | None = None) -> tuple[str, float, bool]:
    """(canonical unit, factor, known) for a written unit.

    Mass -> ``t`` (``kg`` for :data:`KG_MINERALS`); prices -> ``USD/t``, ``USD/troy oz``, …;
    ``%`` -> fraction (factor 0.01).  Unknown units are kept as written with factor 1.
    """
    key = _unit_key(unit)
    if not key:
        return "", 1.0, True
    if key in MASS_UNITS:
        base = 1.0 if mineral in KG_MINERALS else 1e3
        return ("kg" if base == 1.0 else "t"), MASS_UNITS[key] / base, True
    if key in PRICE_UNITS:
        return PRICE_UNITS[key][0], PRICE_UNITS[key][1], True
    if key in PERCENT_UNITS:
        return "", 0.01, True
    # a mass unit followed by a basis: "万吨REO", "kt LCE", "吨金属量", "t gross weight"
    for mass in sorted(MASS_UNITS, key=len, reverse=True):
        if key.startswith(mass) and key[len(mass):].strip("()（）,， ") in BASES:
            canonical, factor, _ = convert_unit(mass, mineral)
            basis = BASES[key[len(mass):].strip("()（）,， ")]
            return (f"{canonical} {basis}" if basis else canonical), factor, True
    return str(unit).strip(), 1.0, False


def unit_in_text(text) -> str:
    """A known unit written in brackets anywhere in a title ('表1 钴矿产量（吨）' -> '吨'), else ''."""
    for m in _BRACKET_ANY.finditer(str(text or "")):
        canonical, _, known = convert_unit(m.group(1))
        if known and m.group(1).strip():
            return m.group(1).strip()
    return ""


# -- measures, stages and minerals named in text -----------------------------------------

# measure -> (table, value column)
MEASURES = {
    "production": ("production", "quantity"),
    "imports": ("balance", "imports"),
    "exports": ("balance", "exports"),
    "net_imports": ("balance", "net_imports"),
    "price": ("prices", "price"),
    "reserves": ("reserves", "reserves"),
    "recycling": ("recycling", "eol_rir"),
}
# (keyword, measure), longest first within each measure family.
_MEASURE_WORDS = [
    ("净进口量", "net_imports"), ("净进口", "net_imports"), ("net imports", "net_imports"),
    ("net import", "net_imports"),
    ("进口量", "imports"), ("进口额", None), ("进口", "imports"), ("imports", "imports"), ("import", "imports"),
    ("出口量", "exports"), ("出口额", None), ("出口", "exports"), ("exports", "exports"), ("export", "exports"),
    ("生产量", "production"), ("产量", "production"), ("production", "production"),
    ("output", "production"), ("产出", "production"),
    ("储量", "reserves"), ("reserves", "reserves"), ("reserve", "reserves"),
    ("价格", "price"), ("均价", "price"), ("单价", "price"), ("prices", "price"), ("price", "price"),
    ("回收利用率", "recycling"), ("再生利用率", "recycling"), ("回收率", "recycling"),
    ("eol-rir", "recycling"), ("eol rir", "recycling"), ("recycling input rate", "recycling"),
    ("recycling rate", "recycling"),
]
_HEADER_PREFIXES = ("mine ", "refinery ", "refined ", "smelter ", "annual ", "total ", "world ",
                    "矿山", "精炼", "冶炼", "原生", "年", "矿", "全年")


def _is_ascii_word(word: str) -> bool:
    return word.isascii()


def _find(word: str, key: str) -> bool:
    if _is_ascii_word(word):
        return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", key) is not None
    return word in key


def measure_of_header(text) -> str | None:
    """The measure a column header names (unit bracket, stage prefixes and spaces ignored)."""
    label, _ = split_unit(text)
    key = normalise_name(label).replace("_", " ")
    candidates = [key] + [key[len(p):].strip() for p in _HEADER_PREFIXES if key.startswith(p)]
    for cand in candidates:
        for word, measure in _MEASURE_WORDS:
            if cand == word:
                return measure
    return None


def measures_in_text(text) -> list[str]:
    """Distinct measures named anywhere in a title or sheet name (longest keyword first)."""
    key = normalise_name(text)
    found: list[str] = []
    for word, measure in _MEASURE_WORDS:
        if _find(word, key):
            key = re.sub(rf"(?<![a-z]){re.escape(word)}(?![a-z])", " ", key) if _is_ascii_word(word) \
                else key.replace(word, " ")
            if measure and measure not in found:
                found.append(measure)
    return found


_REFINERY_WORDS = ("精炼", "冶炼", "refiner", "refined", "smelter", "smelting")
_MINE_WORDS = ("矿产量", "矿山", "开采", "精矿", "mine production", "mine output", "mining")


def stage_in_text(text) -> str:
    """'mine' / 'refinery' when a title or header says so, else ''."""
    key = normalise_name(text)
    refinery = any(w in key for w in _REFINERY_WORDS)
    mine = any(w in key for w in _MINE_WORDS) or re.search(r"(?<![a-z])mine(?![a-z])", key) is not None
    if refinery != mine:
        return "refinery" if refinery else "mine"
    return ""


STAGE_VALUES = {
    "mine": "mine", "mining": "mine", "mine production": "mine", "矿山": "mine", "开采": "mine",
    "采矿": "mine", "原矿": "mine", "精矿": "mine", "ore": "mine", "concentrate": "mine", "采选": "mine",
    "refinery": "refinery", "refined": "refinery", "refining": "refinery", "smelter": "refinery",
    "smelting": "refinery", "精炼": "refinery", "冶炼": "refinery", "冶炼/精炼": "refinery",
    "refinery production": "refinery", "": "",
}

# Words containing a one-character mineral name that are not about that mineral.
_NOT_MINERAL_WORDS = ("金属", "合金", "资金", "金额", "银行", "盐湖", "铁路", "矿产资源", "刚果(金)")


def minerals_in_text(registry, text) -> list[str]:
    """Distinct mineral ids named in a sheet name or title (longest name first; symbols ignored)."""
    key = normalise_name(text)
    if not key:
        return []
    for word in _NOT_MINERAL_WORDS:
        key = key.replace(word, " ")
    found: list[str] = []
    for name, mid in _mineral_names(registry):
        if name.isascii():
            pattern = rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])"
            if not re.search(pattern, key):
                continue
            key = re.sub(pattern, " ", key)
        elif name in key:
            key = key.replace(name, " ")
        else:
            continue
        if mid not in found:
            found.append(mid)
    return found


_NAME_CACHE: dict[int, list[tuple[str, str]]] = {}


def _mineral_names(registry) -> list[tuple[str, str]]:
    cached = _NAME_CACHE.get(id(registry))
    if cached is None:
        symbols = {normalise_name(s) for s in registry.minerals["symbol"] if s}
        cached = sorted(((k, v) for k, v in registry.mineral_keys.items()
                         if k and k not in symbols and not (k.isascii() and len(k) < 3)),
                        key=lambda kv: -len(kv[0]))
        _NAME_CACHE[id(registry)] = cached
    return cached


def head_grid(sheet: RawSheet, limit: int | None = None) -> pd.DataFrame:
    """``sheet.grid()`` (header as row 0) limited to the first ``limit`` body rows (cheap on big files)."""
    frame = sheet.frame if limit is None else sheet.frame.iloc[:limit]
    head = pd.DataFrame([list(frame.columns)], columns=range(frame.shape[1]))
    body = frame.copy()
    body.columns = range(frame.shape[1])
    return pd.concat([head, body], ignore_index=True)


def is_blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    text = str(value).strip()
    return text == "" or (text.startswith("column_") and text[7:].isdigit())


def text_cells(row) -> list[str]:
    """Non-empty cells of a grid row as stripped strings (reader placeholders skipped)."""
    return [str(v).strip() for v in row if not is_blank(v)]
