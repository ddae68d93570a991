"""Content factors: tonnes of a production basis per tonne of a traded product (issue 9, item 5).

Trade statistics (BACI, UN Comtrade, customs tables) give the gross weight of each HS product; production
is in element content or a stated basis (Li content, Li2O, REO, Co content …).  ``data/content_factors.csv``
holds one row per HS code (or national tariff line) and mineral:

* ``share``   — tonnes of ``basis`` per tonne of product (REO rows can exceed 1);
* ``basis``   — what the share measures: an element (``Co``), a compound (``Li2O``), ``REO`` (rare-earth
  oxides: each rare-earth element as its standard oxide, CeO2, Pr6O11, Tb4O7, the others R2O3) or the
  product itself (``graphite``);
* ``kind``    — ``stoichiometric`` (the share follows from ``formula``), ``typical_grade`` (a grade a
  published source states: ``grade`` of the product, expressed as ``formula`` — 65 % WO3, 30 % Co — converted
  to the basis stoichiometrically) or ``convention`` (the production source counts the product itself, so the
  share is 1);
* ``mixed``   — not empty when the heading holds products of very different content: what else it holds.
  The share then fits the named product only, and results that use it must say so;
* ``note``    — what else a reader of the share should know: the range a source states around it, a legal
  minimum, wet weight;
* ``source``  — where the grade or the formula's use comes from.

Rows with an empty ``hs_code`` are basis conversions between production sources (Li content → Li2O …) and
use the same mechanism.  Every stoichiometric share is computed here from its formula with the IUPAC standard
atomic weights; the CSV's share is the rounded result and a test checks the two agree.  A HS code without a
row has no factor: it is left out, never guessed.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.core.registry.registry import DATA_DIR

FACTORS_FILE = DATA_DIR / "content_factors.csv"
KINDS = ("stoichiometric", "typical_grade", "convention")
COLUMNS = ("hs_code", "product", "mineral", "share", "basis", "kind", "formula", "grade", "mixed", "note", "source")

# IUPAC (CIAAW) standard atomic weights, 2021 table; for the elements whose standard atomic weight is an
# interval (H, Li, B, C, N, O, Mg, Si, S, Cl, Br, Tl) the conventional value IUPAC gives for calculations.
ATOMIC_WEIGHTS: dict[str, float] = {
    "H": 1.008, "Li": 6.94, "Be": 9.0122, "B": 10.81, "C": 12.011, "N": 14.007, "O": 15.999, "F": 18.998,
    "Na": 22.990, "Mg": 24.305, "Al": 26.982, "Si": 28.085, "P": 30.974, "S": 32.06, "Cl": 35.45, "K": 39.098,
    "Ca": 40.078, "Sc": 44.956, "Ti": 47.867, "V": 50.942, "Cr": 51.996, "Mn": 54.938, "Fe": 55.845,
    "Co": 58.933, "Ni": 58.693, "Cu": 63.546, "Zn": 65.38, "Ga": 69.723, "Ge": 72.630, "As": 74.922,
    "Se": 78.971, "Br": 79.904, "Rb": 85.468, "Sr": 87.62, "Y": 88.906, "Zr": 91.224, "Nb": 92.906,
    "Mo": 95.95, "Ru": 101.07, "Rh": 102.91, "Pd": 106.42, "Ag": 107.87, "Cd": 112.41, "In": 114.82,
    "Sn": 118.71, "Sb": 121.76, "Te": 127.60, "I": 126.90, "Cs": 132.91, "Ba": 137.33, "La": 138.905,
    "Ce": 140.116, "Pr": 140.908, "Nd": 144.242, "Sm": 150.36, "Eu": 151.964, "Gd": 157.25, "Tb": 158.925,
    "Dy": 162.500, "Ho": 164.930, "Er": 167.259, "Tm": 168.934, "Yb": 173.045, "Lu": 174.967, "Hf": 178.49,
    "Ta": 180.948, "W": 183.84, "Re": 186.21, "Ir": 192.22, "Pt": 195.08, "Au": 196.97, "Tl": 204.38,
    "Pb": 207.2, "Bi": 208.98, "Th": 232.04, "U": 238.03,
}
RARE_EARTHS = ("Sc", "Y", "La", "Ce", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu")
# The oxide in which REO counts each rare-earth element (R2O3 unless named here).
REO_OXIDES = {"Ce": "CeO2", "Pr": "Pr6O11", "Tb": "Tb4O7"}
# Bases that are not chemical formulas: the production counts the product itself (graphite: tonnes of natural
# graphite; gross weight: the production source states the gross weight of the same product, e.g. USGS's
# magnesite and zircon concentrates; product: an analyst's factor for a product the production counts as it
# is, in plain tonnes or gross weight — barite, fluorspar).
PRODUCT_BASES = ("graphite", "gross weight", "product")

_TOKEN = re.compile(r"([A-Z][a-z]?)(\d*)|(\()|(\))(\d*)")
_HYDRATE = re.compile(r"[·•*.]")


def parse_formula(formula: str) -> dict[str, int]:
    """Atoms per formula unit: ``'CoSO4·7H2O'`` → ``{'Co': 1, 'S': 1, 'O': 11, 'H': 14}``.

    Element symbols with counts, parentheses with a multiplier (``Ce2(CO3)3``) and hydrates joined by
    ``·`` (or ``•``, ``*``, ``.``) with a leading count (``LaCl3·7H2O``).  An unknown symbol or a malformed
    formula raises ``ValueError``.
    """
    text = str(formula).replace(" ", "")
    if not text:
        raise ValueError("empty formula")
    total: dict[str, int] = {}
    for part in _HYDRATE.split(text):
        m = re.match(r"^(\d+)(?=[A-Z(])", part)
        mult = int(m.group(1)) if m else 1
        body = part[m.end():] if m else part
        for el, n in _parse_group(body, formula).items():
            total[el] = total.get(el, 0) + n * mult
    return total


def _parse_group(text: str, formula: str) -> dict[str, int]:
    stack: list[dict[str, int]] = [{}]
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"cannot read formula {formula!r} at {text[pos:]!r}")
        pos = m.end()
        if m.group(1):
            el = m.group(1)
            if el not in ATOMIC_WEIGHTS:
                raise ValueError(f"unknown element {el!r} in formula {formula!r}")
            stack[-1][el] = stack[-1].get(el, 0) + int(m.group(2) or 1)
        elif m.group(3):
            stack.append({})
        else:
            if len(stack) == 1:
                raise ValueError(f"unbalanced ')' in formula {formula!r}")
            inner = stack.pop()
            k = int(m.group(5) or 1)
            for el, n in inner.items():
                stack[-1][el] = stack[-1].get(el, 0) + n * k
    if len(stack) != 1:
        raise ValueError(f"unbalanced '(' in formula {formula!r}")
    return stack[0]


def molar_mass(formula: str) -> float:
    """g/mol of a formula from :data:`ATOMIC_WEIGHTS`."""
    return sum(ATOMIC_WEIGHTS[el] * n for el, n in parse_formula(formula).items())


def stoichiometric_share(formula: str, basis: str) -> float:
    """Tonnes of ``basis`` per tonne of ``formula``.

    ``basis`` is an element (``'Li'``: its mass fraction), a compound of the element the product carries
    (``'Li2O'``: the product's Li expressed as Li2O) or ``'REO'`` (each rare-earth element of the product as
    its standard oxide, :data:`REO_OXIDES`).
    """
    atoms = parse_formula(formula)
    mass = molar_mass(formula)
    if basis == "REO":
        rees = [el for el in atoms if el in RARE_EARTHS]
        if not rees:
            raise ValueError(f"{formula!r} holds no rare-earth element")
        oxide_mass = 0.0
        for el in rees:
            oxide = REO_OXIDES.get(el, f"{el}2O3")
            oxide_mass += atoms[el] / parse_formula(oxide)[el] * molar_mass(oxide)
        return oxide_mass / mass
    target = parse_formula(basis)
    carried = [el for el in target if el not in ("O", "H") and el in atoms]
    if not carried:
        raise ValueError(f"{formula!r} holds none of the element of basis {basis!r}")
    el = carried[0]
    return atoms[el] / target[el] * molar_mass(basis) / mass


@dataclass(frozen=True)
class ContentFactor:
    hs_code: str            # HS-6 code, a national tariff line (8–10 digits) or '' for a basis conversion
    product: str
    mineral: str            # registry mineral id
    share: float            # t basis / t product
    basis: str
    kind: str               # stoichiometric | typical_grade | convention
    formula: str            # stoichiometric: the product; typical_grade: what the grade is stated as
    grade: float | None     # typical_grade: the stated grade (0.65 = 65 % of formula)
    mixed: str              # what else the heading holds ('' = one product)
    note: str               # ranges, legal minimums, wet weight …
    source: str

    @property
    def is_conversion(self) -> bool:
        return not self.hs_code

    def computed_share(self) -> float:
        """The share as the formula (and grade) give it; 1 for a convention."""
        if self.kind == "convention":
            return 1.0
        share = stoichiometric_share(self.formula, self.basis)
        if self.kind != "typical_grade":
            return share
        if self.grade is None:
            raise ValueError(f"the typical-grade factor of {self.hs_code} for {self.mineral} states no grade")
        return share * self.grade


def _row(r: dict[str, str]) -> ContentFactor:
    grade = (r.get("grade") or "").strip()
    return ContentFactor(hs_code=r["hs_code"].strip(), product=r["product"].strip(), mineral=r["mineral"].strip(),
                         share=float(r["share"]), basis=r["basis"].strip(), kind=r["kind"].strip(),
                         formula=(r.get("formula") or "").strip(), grade=float(grade) if grade else None,
                         mixed=(r.get("mixed") or "").strip(), note=(r.get("note") or "").strip(),
                         source=r["source"].strip())


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> tuple[ContentFactor, ...]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if any((v or "").strip() for v in r.values())]
    return tuple(_row(r) for r in rows)


def content_factors(path: str | Path | None = None) -> list[ContentFactor]:
    """Every row of the factor table (``data/content_factors.csv`` unless ``path`` is given)."""
    path = Path(path or FACTORS_FILE)
    return list(_load(str(path), path.stat().st_mtime))


def factor_for(hs_code: str | int, mineral: str, path: str | Path | None = None) -> ContentFactor | None:
    """The factor of an HS code (or tariff line) for a mineral, or None: no factor, leave the code out."""
    code = _code(hs_code)
    for f in content_factors(path):
        if f.hs_code and f.hs_code == code and f.mineral == mineral:
            return f
    return None


def conversion(mineral: str, from_basis: str, to_basis: str, path: str | Path | None = None) -> float | None:
    """The factor from one basis to another for a mineral (1 when they are the same; None when unknown).

    A conversion row states one direction (Li → Li2O, 2.1527); the other direction is its inverse
    (Li2O → Li, 1 / 2.1527), the same stoichiometry read backwards."""
    if from_basis == to_basis:
        return 1.0
    for f in content_factors(path):
        if f.is_conversion and f.mineral == mineral and f.formula == from_basis and f.basis == to_basis:
            return f.share
    for f in content_factors(path):
        if f.is_conversion and f.mineral == mineral and f.formula == to_basis and f.basis == from_basis:
            return 1.0 / f.share
    return None


def element_of(basis: str) -> str | None:
    """The element a basis measures: ``'Co'`` → ``'Co'``, ``'Li2O'`` → ``'Li'``, ``'WO3'`` → ``'W'``; None for
    REO, the product bases and what is not a formula (a compound of two elements other than O and H has none)."""
    if basis in PRODUCT_BASES or basis == "REO":
        return None
    try:
        atoms = parse_formula(basis)
    except ValueError:
        return None
    carried = [el for el in atoms if el not in ("O", "H")]
    return carried[0] if len(carried) == 1 else None


def is_element(basis: str) -> bool:
    """The basis is an element's content itself (``'Co'``, not ``'CoO'``): what a production unit of plain
    tonnes (or kilograms) of a metal states."""
    try:
        atoms = parse_formula(basis)
    except ValueError:
        return False
    return len(atoms) == 1 and next(iter(atoms.values())) == 1


def normalise_basis(text: object) -> str | None:
    """A basis as the factor tables write it, or None when it is not one: an element or a compound written as a
    formula (``'Co'``, ``'Li2O'``; case kept, ``co`` is not cobalt), ``REO`` (any case), a product basis
    (``graphite``, ``gross weight``, any case), or those with the word 'content' around them
    (``'Co content'``)."""
    raw = " ".join(str(text).replace("_", " ").split()) if text is not None else ""
    raw = raw.removesuffix(" content").removesuffix(" equivalent").strip()
    if not raw or raw.casefold() in ("nan", "none"):
        return None
    if raw.casefold() in ("reo", "rare-earth oxide", "rare earth oxide", "rare-earth oxides", "rare earth oxides"):
        return "REO"
    for product in PRODUCT_BASES:
        if raw.casefold() in (product, product.replace(" ", "")):
            return product
    try:
        parse_formula(raw)
    except ValueError:
        return None
    return raw


def normalise_hs_code(value: object) -> str | None:
    """An HS code or national tariff line as text of 6 to 10 digits, or None when it is not one.

    Dots and spaces are removed (``'2822.00.10'`` → ``'28220010'``), a number read from a spreadsheet loses its
    ``.0``, and a 5-digit code gets back the leading zero a number drops (``81110`` → ``'081110'``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().replace(" ", "")
    # a number read as a float (260300.0), or HS notation (2822.00 and 2822.00.10)
    text = text.split(".")[0] if re.fullmatch(r"\d{5,}\.0+", text) else text.replace(".", "")
    if not text.isdigit():
        return None
    if len(text) == 5:
        text = text.zfill(6)
    return text if 6 <= len(text) <= 10 else None


def _code(hs_code: str | int) -> str:
    """HS codes as text with the leading zero BACI drops restored (``81110`` → ``081110`` never occurs for
    minerals, but ``'260300'`` and ``260300`` are the same code)."""
    text = str(hs_code).strip()
    text = text.removesuffix(".0")
    return text.zfill(6) if text.isdigit() and len(text) < 6 else text
