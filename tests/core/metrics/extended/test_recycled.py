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
