"""Helpers shared by the publisher recognisers (USGS, WGI, World Mining Data).

* :func:`map_names` maps a column of names to registry ids once per distinct
  value, records a :class:`NameMapping` per name and one problem per unknown
  name (with the registry's suggestions and the first row it occurs on).
* ``NON_COUNTRIES`` lists rows publishers print in a country column that are
  neither a country nor a world/other aggregate (regions, groups of countries,
  historic entities).  Recognisers leave them out and record them as dropped.
* Units: :func:`unit_factor` converts publishers' unit texts to a canonical
  unit per mineral (``t`` for most, ``kg`` for the precious/scarce metals in
  ``KG_MINERALS``, ``ct`` for diamonds and gemstones, ``m3`` for gases).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.registry import normalise_name

# Normalised name -> why the row is not imported.
_REGION = "a region or group of countries, not one country"
_HISTORIC = "a historic entity that no longer exists as one country"
NON_COUNTRIES: dict[str, str] = {normalise_name(k): v for k, v in {
    "United States and Canada": _REGION,
    "Europe EFTA, nes": _REGION,
    "Southern African Customs Union (...1999)": _REGION,
    "US Misc. Pacific Isds": _REGION,
    "Netherlands Antilles (former)": _HISTORIC,
    "Netherlands Antilles (...2010)": _HISTORIC,
    "ANT": _HISTORIC,
    "Belgium-Luxembourg (...1998)": _HISTORIC,
    "Czechoslovakia (...1992)": _HISTORIC,
    "Dem. Rep. of Germany (...1990)": _HISTORIC,
    "Fed. Rep. of Germany (...1990)": _HISTORIC,
    "Serbia and Montenegro (...2005)": _HISTORIC,
    "Sudan (...2011)": _HISTORIC,
    "USSR (...1990)": _HISTORIC,
    "Africa": _REGION, "Asia": _REGION, "Europe": _REGION, "European Union": _REGION,
    "North America": _REGION, "South America": _REGION, "Latin America": _REGION,
    "Oceania": _REGION, "Middle East": _REGION, "EU": _REGION, "EU-27": _REGION,
}.items()}
# BACI / UN numeric codes of the historic entities and regions above.
NON_COUNTRY_CODES: dict[str, str] = {
    "58": _HISTORIC, "200": _HISTORIC, "278": _HISTORIC, "280": _HISTORIC, "530": _HISTORIC,
    "736": _HISTORIC, "810": _HISTORIC, "891": _HISTORIC, "697": _REGION, "711": _REGION,
    "849": _REGION,
}


def non_country_reason(name: object) -> str | None:
    key = normalise_name(name)
    return NON_COUNTRIES.get(key) or NON_COUNTRY_CODES.get(key)


# -- units -----------------------------------------------------------------------------
KG_MINERALS = frozenset({"pgm", "platinum", "palladium", "rhodium", "iridium", "ruthenium", "osmium",
                         "gallium", "germanium", "rhenium"})
CARAT_MINERALS = frozenset({"diamond_industrial", "diamond_gem", "gemstones"})
# unit text (normalised) -> (dimension, factor to the dimension's base: kg, ct, m3)
_UNITS = {
    "metric tons": ("mass", 1e3), "metric ton": ("mass", 1e3), "t": ("mass", 1e3), "metr. t": ("mass", 1e3),
    "tonnes": ("mass", 1e3), "tons": ("mass", 1e3), "metric dry tons": ("mass", 1e3),
    "thousand metric tons": ("mass", 1e6), "kt": ("mass", 1e6), "thousand metric dry tons": ("mass", 1e6),
    "thousand tons": ("mass", 1e6),
    "million metric tons": ("mass", 1e9), "mmt": ("mass", 1e9), "mt": ("mass", 1e9),
    "million tons": ("mass", 1e9),
    "kilograms": ("mass", 1.0), "kilogram": ("mass", 1.0), "kg": ("mass", 1.0),
    "grams": ("mass", 1e-3), "g": ("mass", 1e-3),
    "carats": ("carat", 1.0), "ct": ("carat", 1.0), "thousand carats": ("carat", 1e3),
    "million carats": ("carat", 1e6), "mct": ("carat", 1e6),
    "cubic meters": ("volume", 1.0), "m3": ("volume", 1.0), "million cubic meters": ("volume", 1e6),
    "mcm": ("volume", 1e6), "mio m3": ("volume", 1e6),
}
_BASE = {"mass": 1e3, "carat": 1.0, "volume": 1.0}   # t is the default mass unit


def canonical_unit(mineral: str, dimension: str) -> tuple[str, float]:
    """(unit, size of that unit in the dimension's base) for a mineral."""
    if dimension == "carat":
        return "ct", 1.0
    if dimension == "volume":
        return "m3", 1.0
    if mineral in KG_MINERALS:
        return "kg", 1.0
    return "t", 1e3


def unit_factor(unit_text: object, mineral: str) -> tuple[str, float] | None:
    """(canonical unit, multiplier) for a publisher's unit text; None when unknown."""
    key = re.sub(r"\s+", " ", str(unit_text).replace("\u00a0", " ")).strip().casefold()
    found = _UNITS.get(key)
    if found is None:
        return None
    dimension, size = found
    unit, base = canonical_unit(mineral, dimension)
    return unit, size / base


# Bases that are not the element content: kept visible in the unit ("t Li2O").
_BASES = [
    (re.compile(r"li2o", re.I), "Li2O"), (re.compile(r"tio2", re.I), "TiO2"),
    (re.compile(r"k2o", re.I), "K2O"), (re.compile(r"p2o5", re.I), "P2O5"),
    (re.compile(r"cr2o3", re.I), "Cr2O3"), (re.compile(r"nb2o5", re.I), "Nb2O5"),
    (re.compile(r"ta2o5", re.I), "Ta2O5"), (re.compile(r"u3o8", re.I), "U3O8"),
    (re.compile(r"zro2", re.I), "ZrO2"),
    (re.compile(r"rare.earth.oxide|\breo\b", re.I), "REO"),
    (re.compile(r"gross.weight|grosss weight", re.I), "gross weight"),
    (re.compile(r"usable ore|crude ore|recoverable ore", re.I), "ore"),
    (re.compile(r"\bconc\b|concentrate", re.I), "concentrate"),
]


def basis_of(text: object) -> str:
    """Short basis label ("Li2O", "REO", "gross weight", ...) or "" for element content."""
    text = "" if text is None else str(text)
    for pattern, label in _BASES:
        if pattern.search(text):
            return label
    return ""


def with_basis(unit: str, basis: str) -> str:
    return f"{unit} {basis}" if basis else unit


# -- names -----------------------------------------------------------------------------
def first_rows(names: pd.Series, rows: pd.Series) -> pd.DataFrame:
    """Per distinct name: first spreadsheet row and number of rows."""
    frame = pd.DataFrame({"name": names.astype(object).where(names.notna(), ""), "row": rows.to_numpy()})
    return frame.groupby("name", sort=False)["row"].agg(["first", "size"])


def map_names(kind: str, names: pd.Series, rows: pd.Series, ctx: ParseContext, sheet: RawSheet,
              column: str, skip: pd.Series | None = None, report: bool = True) -> pd.Series:
    """Registry ids for ``names`` (None where unknown); mappings and problems recorded.

    ``skip`` marks rows that are handled elsewhere (e.g. regions) and must not
    be reported as unknown.
    """
    reg = ctx.registry
    mapped = reg.map_minerals(names) if kind == "mineral" else reg.map_countries(names)
    consider = pd.Series(True, index=names.index) if skip is None else ~skip
    consider &= names.notna() & (names.astype(str).str.strip() != "")
    stats = first_rows(names[consider], rows[consider])
    targets = mapped[consider].groupby(names[consider].astype(object), sort=False).first()
    for raw, (first, count) in stats.iterrows():
        target = targets.get(raw)
        if target is not None and not pd.isna(target):
            ctx.mappings.append(NameMapping(kind, str(raw), str(target), 1.0, int(count)))
            continue
        ctx.mappings.append(NameMapping(kind, str(raw), "", 0.0, int(count)))
        if not report:
            continue
        hints = reg.suggest(kind, raw)
        hint = f"; did you mean {', '.join(hints)}?" if hints else ""
        ctx.problems.error(
            f"unknown_{kind}",
            f"Unknown {kind} '{str(raw).strip()}' on {count} row(s){hint} "
            f"Add an alias in the registry or correct the file.",
            file=sheet.file, sheet=sheet.sheet, row=int(first), column=column, value=str(raw),
            expected=f"a {kind} name known to the registry")
    return mapped


def drop_rows(ctx: ParseContext, sheet: RawSheet, rows: pd.Series | np.ndarray, reasons) -> None:
    """Record left-out rows (``reasons``: one text or one per row)."""
    rows = np.asarray(rows)
    if len(rows) == 0:
        return
    if isinstance(reasons, str):
        reasons = [reasons] * len(rows)
    ctx.dropped.extend({"file": sheet.file, "sheet": sheet.sheet, "row": int(r), "reason": str(why)}
                       for r, why in zip(rows, reasons))


def excel_rows(sheet: RawSheet) -> pd.Series:
    """Spreadsheet row number of every frame row (index aligned with the frame)."""
    return pd.Series(np.arange(len(sheet.frame)) + sheet.header_row + 1, index=sheet.frame.index,
                     dtype="int64")


def norm_header(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text).casefold()).strip("_")


def map_unique(values: pd.Series, func) -> pd.Series:
    """``func`` applied once per distinct value (publishers' files repeat names a lot)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lookup = np.array([func(u) for u in uniques] + [func(None)], dtype=object)
    return pd.Series(lookup[codes], index=values.index, dtype=object)
