"""Mixed units in one mineral-year-stage group (docs/metrics.md §2.3 "Mixed units")."""
import numpy as np
import pandas as pd
import pytest

from desktop.core.dataset import conform
from desktop.core.metrics.extended import ExtendedParams, compute_concentration, compute_growth
from desktop.core.metrics.extended._base import world_production
from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.supply_risk import compute_supply_risk, production_shares

from .helpers import row


def prod(rows):
    """rows: (mineral, country, year, quantity, unit[, state])"""
    recs = [dict(mineral=r[0], country=r[1], year=r[2], stage="mine", quantity=r[3], unit=r[4],
                 quantity_state=r[5] if len(r) > 5 else "") for r in rows]
    return conform("production", pd.DataFrame(recs))


def lithium():
    # World Mining Data (t Li2O) for CHL and ARG merged with USGS lithium content (t) for AUS
    return prod([("lithium", "CHL", 2023, 100.0, "t Li2O"), ("lithium", "ARG", 2023, 50.0, "t Li2O"),
                 ("lithium", "AUS", 2023, 80.0, "t"), ("lithium", "WORLD", 2023, 999.0, "t"),
                 ("cobalt", "COD", 2023, 70.0, "t"), ("cobalt", "AUS", 2023, 30.0, "t")])


def test_majority_unit_used_and_flagged():
    s = production_shares(lithium())
    # t Li2O has two producer rows, t one: shares over CHL and ARG only (100 / 150, 50 / 150)
    assert row(s, country="CHL").share == pytest.approx(2 / 3)
    assert row(s, country="ARG").share == pytest.approx(1 / 3)
    aus = row(s, country="AUS", mineral="lithium")
    assert np.isnan(aus.share) and "other_unit" in aus.flag and "mixed_units:t Li2O|t" in aus.flag
    assert "withheld_producers" not in row(s, country="CHL").flag
    r = compute_supply_risk(lithium(), None, EngineParams()).set_index("mineral")
    assert r.loc["lithium", "HHI"] == pytest.approx((2 / 3) ** 2 + (1 / 3) ** 2)
    assert r.loc["lithium", "flag"].split(";")[0] == "mixed_units:t Li2O|t"
    # a group with one unit is untouched
    assert r.loc["cobalt", "HHI"] == pytest.approx(0.7 ** 2 + 0.3 ** 2)
    assert "mixed_units" not in r.loc["cobalt", "flag"]


def test_tie_takes_first_unit_in_sorted_order_and_others_of_other_unit_left_out():
    p = prod([("x", "AAA", 2020, 10.0, "t Li2O"), ("x", "BBB", 2020, 30.0, "t"),
              ("x", "OTHERS", 2020, 60.0, "t Li2O"), ("x", "CCC", 2020, 5.0, "")])
    s = production_shares(p)
    # one producer row each with a unit: 't' < 't Li2O' → 't'; the unit-less row stays; OTHERS (t Li2O) is out
    assert row(s, country="BBB").share == pytest.approx(30 / 35)
    assert row(s, country="CCC").share == pytest.approx(5 / 35)
    assert np.isnan(row(s, country="OTHERS").share) and np.isnan(row(s, country="AAA").share)
    r = compute_supply_risk(p, None, EngineParams()).iloc[0]
    assert "mixed_units:t|t Li2O" in r.flag


def test_left_out_cells_do_not_make_a_group_mixed():
    p = prod([("x", "AAA", 2020, 10.0, "t"), ("x", "BBB", 2020, np.nan, "t Li2O", "W"),
              ("x", "CCC", 2020, 30.0, "t")])
    r = compute_supply_risk(p, None, EngineParams()).iloc[0]
    assert "mixed_units" not in r.flag and "withheld_producers" in r.flag
    assert pytest.approx(0.25 ** 2 + 0.75 ** 2) == r.HHI


def test_extended_concentration_and_growth_follow_the_rule():
    c = compute_concentration(lithium(), None, ExtendedParams()).set_index("mineral").loc["lithium"]
    assert c["top1_country"] == "CHL" and c["top1_share"] == pytest.approx(2 / 3)
    assert c["topk_countries"] == "CHL, ARG" and "mixed_units:t Li2O|t" in c["flag"]
    w = world_production(lithium(), ("mine",)).set_index("mineral")
    assert w.loc["lithium", "quantity"] == 150.0 and "mixed_units:t Li2O|t" in w.loc["lithium", "flag"]
    assert "withheld_producers" not in w.loc["lithium", "flag"]
    both = pd.concat([lithium(), prod([("lithium", "CHL", 2018, 50.0, "t Li2O"),
                                       ("lithium", "ARG", 2018, 25.0, "t Li2O")])], ignore_index=True)
    g = compute_growth(both, ExtendedParams()).set_index(["mineral", "year"])
    assert g.loc[("lithium", 2023), "G"] == pytest.approx((150 / 75) ** 0.2)


def test_production_context_from_the_engines_rows_equals_the_one_coded_here():
    from desktop.core.metrics.extended.production_context import production_context
    from desktop.core.metrics.supply_risk import producer_rows

    data = pd.concat([lithium(), prod([("lithium", "CHL", 2018, 50.0, "t Li2O"),
                                       ("lithium", "ARG", 2018, 25.0, "t Li2O"),
                                       ("cobalt", "IDN", 2018, np.nan, "t", "W")])], ignore_index=True)
    a = production_context(data)                                        # coded here
    b = production_context(data, producer_rows(data))                   # the engine's rows
    for name in ("mineral_ids", "country_ids", "stage_names", "mineral_code", "country_code", "year_offset",
                 "stage_code", "quantity", "valid", "others", "share", "world_mineral", "world_year", "world_stage",
                 "world_quantity_rows", "other_unit"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert (a.y0, a.ny) == (b.y0, b.ny)
    gids = np.arange(a.n_groups)
    assert a.unit_flag(gids).tolist() == b.unit_flag(gids).tolist()
    assert "mixed_units:t Li2O|t" in a.unit_flag(gids).tolist()


def test_world_totals_alone_give_growth_not_a_crash():
    from desktop.core.dataset import Dataset
    from desktop.core.metrics.engine import run

    world = prod([("cobalt", "WORLD", 2018, 100.0, "t"), ("cobalt", "WORLD", 2023, 150.0, "t")])
    for params in (EngineParams(), EngineParams(years=(2023, 2023))):
        g = run(Dataset(tables={"production": world}), params).tables["production_growth"]
        got = g.set_index("year").loc[2023]
        assert got["G"] == pytest.approx((150 / 100) ** (1 / 5)) and "world_total_row" in got["flag"]
