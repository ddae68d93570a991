"""The one unit policy of every reader: canonical units, conversion factors, bases.

* Mass goes to ``t``, except the metals publishers count in kilograms
  (:data:`KG_MINERALS`: platinum-group metals, gallium, germanium, rhenium),
  which go to ``kg`` so that shares compare like with like.  Carats go to
  ``ct`` and volumes (gases) to ``m3``, whatever the mineral.
* Prices keep their currency and quantity (``$/mt`` → ``USD/t``, ``美元/盎司`` →
  ``USD/troy oz``, ``万元/吨`` → ``CNY/t`` ×10⁴); ``%`` is a share (×0.01).
* A basis that is not element content stays visible in the unit, never
  converted: ``t Li2O``, ``t REO``, ``t LCE``, ``t gross weight``.  It comes
  either after the unit (``万吨REO``, ``kt LCE``) or from a commodity/series
  text (``Lithium (Li2O)`` → :func:`basis_of` → ``Li2O``).

Units are compared with spaces removed and case folded: ``metric tons``,
``Metric Tons`` and ``metrictons`` are the same unit.  ``mt`` is million
tonnes as a quantity unit, but a metric ton in a price unit (``$/mt``).
"""
from __future__ import annotations

import re
from typing import NamedTuple

KG_MINERALS = frozenset({"pgm", "platinum", "palladium", "rhodium", "iridium", "ruthenium", "osmium",
                         "gallium", "germanium", "rhenium"})

# written unit (spaces removed, case-folded) -> (dimension, size in the dimension's base: kg, ct, m3)
QUANTITY_UNITS: dict[str, tuple[str, float]] = {
    **{k: ("mass", 1e3) for k in (
        "t", "tonnes", "tonne", "tons", "ton", "metrictons", "metricton", "metr.t", "metricdrytons",
        "吨", "公吨")},
    **{k: ("mass", 1e6) for k in (
        "kt", "千吨", "thousandtonnes", "thousandtons", "thousandt", "'000t", "000t", "thousandmetrictons",
        "thousandmetricdrytons")},
    **{k: ("mass", 1e7) for k in ("万吨", "10kt")},
    **{k: ("mass", 1e9) for k in (
        "mt", "mmt", "百万吨", "milliontonnes", "milliontons", "millionmetrictons")},
    "亿吨": ("mass", 1e11),
    **{k: ("mass", 1.0) for k in ("kg", "kilograms", "kilogram", "千克", "公斤")},
    **{k: ("mass", 1e-3) for k in ("g", "grams", "克")},
    **{k: ("carat", 1.0) for k in ("ct", "carats", "克拉")},
    "thousandcarats": ("carat", 1e3),
    **{k: ("carat", 1e6) for k in ("millioncarats", "mct")},
    **{k: ("volume", 1.0) for k in ("m3", "cubicmeters", "立方米")},
    **{k: ("volume", 1e6) for k in ("millioncubicmeters", "mcm", "miom3")},
}
# written price unit (key as above, currency words turned into "$") -> (canonical unit, factor)
PRICE_UNITS: dict[str, tuple[str, float]] = {
    "$/t": ("USD/t", 1.0), "$/mt": ("USD/t", 1.0), "$/tonne": ("USD/t", 1.0), "美元/吨": ("USD/t", 1.0),
    "$/kg": ("USD/kg", 1.0), "美元/千克": ("USD/kg", 1.0), "美元/公斤": ("USD/kg", 1.0),
    "$/lb": ("USD/lb", 1.0), "美元/磅": ("USD/lb", 1.0),
    "$/troyoz": ("USD/troy oz", 1.0), "$/oz": ("USD/troy oz", 1.0), "美元/盎司": ("USD/troy oz", 1.0),
    "$/dmtu": ("USD/dmtu", 1.0),
    "元/吨": ("CNY/t", 1.0), "人民币/吨": ("CNY/t", 1.0), "万元/吨": ("CNY/t", 1e4),
    "元/千克": ("CNY/kg", 1.0), "元/公斤": ("CNY/kg", 1.0), "元/克": ("CNY/g", 1.0),
}
PERCENT_UNITS = frozenset({"%", "％", "percent", "百分比", "百分比(%)"})
# basis written right after a quantity unit (key as above) -> label kept in the unit ("" = content)
BASES: dict[str, str] = {
    "reo": "REO", "li2o": "Li2O", "lce": "LCE", "p2o5": "P2O5", "k2o": "K2O", "tio2": "TiO2",
    "cr2o3": "Cr2O3", "u3o8": "U3O8", "nb2o5": "Nb2O5", "ta2o5": "Ta2O5", "zro2": "ZrO2",
    "金属量": "", "金属": "", "含量": "", "metalcontent": "", "content": "", "contained": "",
    "实物量": "gross weight", "grossweight": "gross weight", "gross": "gross weight",
    "精矿": "concentrate", "concentrate": "concentrate", "矿石": "ore", "ore": "ore", "氧化物": "oxide",
}
# basis named anywhere in a commodity or series text ("Lithium (Li2O)", "Mine production, REO")
_BASIS_IN_TEXT = [
    (re.compile(r"li2o", re.I), "Li2O"), (re.compile(r"tio2", re.I), "TiO2"),
    (re.compile(r"k2o", re.I), "K2O"), (re.compile(r"p2o5", re.I), "P2O5"),
    (re.compile(r"cr2o3", re.I), "Cr2O3"), (re.compile(r"nb2o5", re.I), "Nb2O5"),
    (re.compile(r"ta2o5", re.I), "Ta2O5"), (re.compile(r"u3o8", re.I), "U3O8"),
    (re.compile(r"zro2", re.I), "ZrO2"),
    (re.compile(r"rare.earth.oxide|\breo\b", re.I), "REO"),
    (re.compile(r"\blce\b|lithium carbonate equivalent", re.I), "LCE"),
    (re.compile(r"gross.weight|grosss weight|实物量", re.I), "gross weight"),
    (re.compile(r"usable ore|crude ore|recoverable ore", re.I), "ore"),
    (re.compile(r"\bconc\b|concentrate|精矿", re.I), "concentrate"),
]

_BRACKET_END = re.compile(r"[（(\[【]\s*([^）)\]】]*?)\s*[）)\]】]\s*$")
_BRACKET_ANY = re.compile(r"[（(\[【]\s*([^）)\]】]*?)\s*[）)\]】]")


class Conversion(NamedTuple):
    unit: str          # canonical unit: "t", "kg", "t Li2O", "ct", "USD/t", "" for a share
    factor: float      # multiply written values by this
    known: bool        # False: the unit is kept as written, factor 1
    dimension: str     # "mass" | "carat" | "volume" | "price" | "share" | "" (empty or unknown)


def unit_key(unit) -> str:
    """Comparison key of a written unit: spaces removed, case folded, currencies as ``$``."""
    key = re.sub(r"\s+", "", str(unit)).casefold().replace("／", "/").replace("＄", "$")
    for usd in ("us$", "usd", "us dollars", "dollars"):
        key = key.replace(usd, "$")
    return key


def canonical_unit(mineral: str | None, dimension: str) -> tuple[str, float]:
    """(unit, size of that unit in the dimension's base) for a mineral: ``t``/``kg``, ``ct``, ``m3``."""
    if dimension == "carat":
        return "ct", 1.0
    if dimension == "volume":
        return "m3", 1.0
    return ("kg", 1.0) if mineral in KG_MINERALS else ("t", 1e3)


def convert_unit(unit, mineral: str | None = None) -> Conversion:
    """Canonical unit and factor for a written unit (see the module docstring).

    An empty unit is known (nothing to convert); an unknown one is kept as written, factor 1.
    """
    key = unit_key(unit)
    if not key:
        return Conversion("", 1.0, True, "")
    if key in QUANTITY_UNITS:
        dimension, size = QUANTITY_UNITS[key]
        canonical, base = canonical_unit(mineral, dimension)
        return Conversion(canonical, size / base, True, dimension)
    if key in PRICE_UNITS:
        return Conversion(*PRICE_UNITS[key], True, "price")
    if key in PERCENT_UNITS:
        return Conversion("", 0.01, True, "share")
    # a quantity unit followed by a basis: "万吨REO", "kt LCE", "吨金属量", "t gross weight"
    for written in sorted(QUANTITY_UNITS, key=len, reverse=True):
        rest = key[len(written):].strip("()（）,， ")
        if key.startswith(written) and rest in BASES:
            plain = convert_unit(written, mineral)
            return plain._replace(unit=with_basis(plain.unit, BASES[rest]))
    return Conversion(str(unit).strip(), 1.0, False, "")


def quantity_unit(unit, mineral: str | None) -> tuple[str, float] | None:
    """(canonical unit, factor) for a quantity (mass, carats, volume); None when not one."""
    conv = convert_unit(unit, mineral)
    return (conv.unit, conv.factor) if conv.dimension in ("mass", "carat", "volume") else None


def basis_of(text: object) -> str:
    """Short basis label named in a commodity or series text ("Li2O", "REO", "gross weight"), else ""."""
    text = "" if text is None else str(text)
    for pattern, label in _BASIS_IN_TEXT:
        if pattern.search(text):
            return label
    return ""


def with_basis(unit: str, basis: str) -> str:
    return f"{unit} {basis}" if basis else unit


def split_unit(header) -> tuple[str, str]:
    """'产量（吨）' -> ('产量', '吨'); 'Production (kt)' -> ('Production', 'kt'); no bracket -> (h, '')."""
    text = str(header).strip()
    m = _BRACKET_END.search(text)
    if not m:
        return text, ""
    return text[:m.start()].strip(), m.group(1).strip()


def unit_in_text(text) -> str:
    """A known unit written in brackets anywhere in a title ('表1 钴矿产量（吨）' -> '吨'), else ''."""
    for m in _BRACKET_ANY.finditer(str(text or "")):
        if m.group(1).strip() and convert_unit(m.group(1)).known:
            return m.group(1).strip()
    return ""
