"""Content factors (issue 9.5): formulas parsed, stoichiometric shares computed, every shipped row checked."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.registry.content_factors import (
    KINDS,
    PRODUCT_BASES,
    content_factors,
    conversion,
    factor_for,
    molar_mass,
    parse_formula,
    stoichiometric_share,
)

DOC = Path(__file__).resolve().parents[3] / "docs" / "content-factors.md"


@pytest.mark.parametrize("formula, atoms", [
    ("Li2CO3", {"Li": 2, "C": 1, "O": 3}),
    ("Co3O4", {"Co": 3, "O": 4}),
    ("Co(OH)2", {"Co": 1, "O": 2, "H": 2}),
    ("CoSO4·7H2O", {"Co": 1, "S": 1, "O": 11, "H": 14}),
    ("LiOH.H2O", {"Li": 1, "O": 2, "H": 3}),
    ("Ce2(CO3)3", {"Ce": 2, "C": 3, "O": 9}),
    ("La2(CO3)3·8H2O", {"La": 2, "C": 3, "O": 17, "H": 16}),
    ("(NH4)10H2W12O42·4H2O", {"N": 10, "H": 50, "W": 12, "O": 46}),
])
def test_parse_formula(formula, atoms):
    assert parse_formula(formula) == atoms


@pytest.mark.parametrize("bad", ["", "Xx2O", "Co(OH2", "CoOH)2", "co3o4"])
def test_bad_formulas_raise(bad):
    with pytest.raises(ValueError):
        parse_formula(bad)


def test_molar_masses():
    assert molar_mass("Li2CO3") == pytest.approx(73.888, abs=1e-3)
    assert molar_mass("CoSO4·7H2O") == pytest.approx(281.094, abs=1e-3)
    assert molar_mass("GeO2") == pytest.approx(104.628, abs=1e-3)


@pytest.mark.parametrize("formula, basis, lo, hi", [
    ("Li2CO3", "Li", 0.1878, 0.1879),          # the example: Li2CO3 -> Li 0.1878
    ("LiOH·H2O", "Li", 0.1653, 0.1654),
    ("Li2CO3", "Li2O", 0.4043, 0.4044),
    ("Li", "Li2O", 2.1526, 2.1527),
    ("Co3O4", "Co", 0.7342, 0.7343),
    ("CoSO4·7H2O", "Co", 0.2096, 0.2097),
    ("NiSO4·6H2O", "Ni", 0.2233, 0.2234),
    ("GeO2", "Ge", 0.6941, 0.6942),
    ("WO3", "W", 0.7929, 0.7930),
    ("Nd", "REO", 1.1663, 1.1664),             # Nd2O3 / 2 Nd
    ("Ce", "REO", 1.2283, 1.2284),             # CeO2 / Ce
    ("Pr", "REO", 1.2081, 1.2082),             # Pr6O11 / 6 Pr
    ("Ce2(CO3)3", "REO", 0.7479, 0.7480),
    ("LaCl3·7H2O", "REO", 0.4386, 0.4387),
    ("CeO2", "REO", 1.0, 1.0),
])
def test_stoichiometric_shares(formula, basis, lo, hi):
    assert lo - 1e-9 <= stoichiometric_share(formula, basis) <= hi + 1e-9


def test_share_of_a_basis_the_product_lacks_raises():
    with pytest.raises(ValueError):
        stoichiometric_share("GeO2", "Co")
    with pytest.raises(ValueError):
        stoichiometric_share("Co3O4", "REO")


def test_every_row_is_well_formed_and_cited(registry):
    rows = content_factors()
    assert len(rows) >= 25
    seen = set()
    for f in rows:
        assert f.kind in KINDS, f
        assert f.source, f
        assert f.product, f
        assert f.mineral in registry.minerals.index, f
        assert f.hs_code == "" or re.fullmatch(r"\d{6}(\d{2}){0,2}", f.hs_code), f
        assert (f.hs_code, f.mineral, f.formula if f.is_conversion else "") not in seen, f
        seen.add((f.hs_code, f.mineral, f.formula if f.is_conversion else ""))
        assert f.share > 0
        if f.kind == "convention":
            assert f.share == 1 and f.basis in PRODUCT_BASES and not f.formula, f
        else:
            assert f.formula, f
        if f.kind == "typical_grade":
            assert f.grade is not None and 0 < f.grade <= 1, f
        else:
            assert f.grade is None, f
        if f.is_conversion:
            assert f.kind == "stoichiometric", f


def test_every_share_equals_its_formula():
    """The CSV's share is the rounded computed share: a typed figure that disagrees fails."""
    for f in content_factors():
        assert f.share == pytest.approx(f.computed_share(), abs=5e-5), (f.hs_code, f.product, f.computed_share())


def test_mixed_headings_are_marked():
    mixed = {f.hs_code for f in content_factors() if f.mixed}
    # the reference's mixed headings: spodumene's 253090, cobalt's 282200 / 810510, the rare-earth compounds,
    # GeO2 with ZrO2, the lithium oxide/hydroxide heading, the tungstates
    assert {"253090", "282200", "810510", "284610", "284690", "282560", "282520", "284180"} <= mixed
    assert not factor_for("283691", "lithium").mixed


def test_lookup():
    assert factor_for("283691", "lithium").share == pytest.approx(0.1879)
    assert factor_for(283691, "lithium") == factor_for("283691", "lithium")
    assert factor_for("810510", "cobalt").basis == "Co"
    assert factor_for("280530", "rare_earths").basis == "REO"
    # left out, never guessed
    assert factor_for("811292", "gallium") is None
    assert factor_for("811230", "germanium") is None
    assert factor_for("850760", "lithium") is None
    assert factor_for("283691", "cobalt") is None
    assert conversion("lithium", "Li", "Li2O") == pytest.approx(2.1527)
    assert conversion("cobalt", "Co", "Co") == 1.0
    assert conversion("cobalt", "Co", "CoO") is None


def test_docs_list_every_factor():
    text = DOC.read_text(encoding="utf-8")
    for f in content_factors():
        row = f"| {f.hs_code or '—'} | {f.product} |"
        assert row in text, row
        line = next(li for li in text.splitlines() if li.startswith(row))
        assert f"| {f.share:.4f} |" in line and f.source in line, line
