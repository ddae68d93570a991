"""Recycled stream: EoL-RIR, R × (1 − EoL-RIR), secondary share."""
import numpy as np
import pandas as pd
import pytest

from desktop.core.metrics.extended import ExtendedParams, compute_recycled

P = ExtendedParams()


def test_recycled_hand_computed():
    risk = pd.DataFrame({"mineral": ["a", "a", "b"], "year": [2022, 2024, 2022], "stage": "mine",
                         "R": [0.5, 1.0, 0.2], "R_raw": [0.1, 0.2, 0.05]})
    rec = pd.DataFrame({"mineral": ["a"], "year": [2023], "eol_rir": [0.25]})
    prod = pd.DataFrame({"mineral": "a", "country": ["X", "Y"], "year": 2022, "stage": "mine",
                         "quantity": [60.0, 30.0]})
    r = compute_recycled(risk, rec, prod, P).set_index(["mineral", "year"])
    # a 2022: EoL-RIR of 2023 (nearest later, flagged); R_recycled = 0.5 × (1 − 0.25) = 0.375
    assert r.loc[("a", 2022), "R_recycled"] == pytest.approx(0.375)
    assert r.loc[("a", 2022), "R_raw_recycled"] == pytest.approx(0.075)     # 0.1 × 0.75
    assert "eol_rir_year:2023" in r.loc[("a", 2022), "flag"]
    # secondary share = EoL-RIR; implied secondary supply = 90 × 0.25 / 0.75 = 30
    assert r.loc[("a", 2022), "secondary_share"] == 0.25
    assert r.loc[("a", 2022), "secondary_supply_implied"] == pytest.approx(30.0)
    # a 2024: the 2023 value carried (latest earlier): 1.0 × 0.75
    assert r.loc[("a", 2024), "R_recycled"] == pytest.approx(0.75)
    # b: no EoL-RIR → empty, flagged (not R × 1)
    assert np.isnan(r.loc[("b", 2022), "R_recycled"]) and "missing_eol_rir" in r.loc[("b", 2022), "flag"]


def test_out_of_range_eol_rir_is_left_out():
    risk = pd.DataFrame({"mineral": ["a"], "year": [2022], "stage": "mine", "R": [0.5], "R_raw": [0.1]})
    rec = pd.DataFrame({"mineral": ["a"], "year": [2022], "eol_rir": [32.0]})     # a percent, not a fraction
    r = compute_recycled(risk, rec, None, P).iloc[0]
    assert np.isnan(r["R_recycled"]) and "eol_rir_out_of_range" in r["flag"]


def test_eol_rir_for_nearest_year_duplicates_and_out_of_range():
    import numpy as np
    import pandas as pd

    from desktop.core.metrics.extended.recycled import eol_rir_for

    rec = pd.DataFrame({"mineral": ["Cobalt", "Cobalt", "Cobalt", "Lithium", "Nickel", "Nickel"],
                        "year": [2018, 2018, 2021, 2022, 2019, 2020],
                        "eol_rir": [0.1, 0.2, 0.3, 0.0, 1.5, 0.4], "eol_rir_state": ""})
    wanted = pd.DataFrame({"mineral": ["Cobalt", "Cobalt", "Cobalt", "Lithium", "Nickel", "Tin"],
                           "year": [2017, 2019, 2021, 2020, 2019, 2020]})
    out = eol_rir_for(rec, wanted)
    # 2017: nearest later year 2018, whose last row wins; 2019: latest earlier 2018; lithium from 2022;
    # nickel 2019: the 1.5 of 2019 is out of range, so 2020 — and the mineral is flagged
    assert out["eol_rir"].tolist()[:5] == [0.2, 0.2, 0.3, 0.0, 0.4]
    assert np.isnan(out["eol_rir"].iloc[5])
    assert out["eol_rir_year"].tolist()[:5] == [2018, 2018, 2021, 2022, 2020]
    assert out["out_of_range"].tolist() == [False, False, False, False, True, False]
