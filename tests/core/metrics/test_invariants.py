"""Property tests: share sums, HHI range, min-max range, row-order invariance."""
import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.metrics.dependency import compute_dependency
from desktop.core.metrics.governance import compute_gamma
from desktop.core.metrics.market import compute_market
from desktop.core.metrics.params import EngineParams
from desktop.core.metrics.supply_risk import compute_supply_risk, production_shares

from .helpers import balance, governance, prices, production

P0 = EngineParams()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COUNTRIES = ["AUS", "CHN", "COD", "USA", "OTHERS", "WORLD"]

quantity = st.one_of(st.floats(0, 1e6, allow_nan=False), st.just(np.nan), st.just(-1.0))
prod_rows = st.lists(
    st.tuples(st.sampled_from(["li", "co"]), st.sampled_from(COUNTRIES), st.integers(2018, 2021),
              st.sampled_from(["mine", "refinery", ""]), quantity, st.sampled_from(["", "", "W", ">"])),
    min_size=1, max_size=40,
    unique_by=lambda r: (r[0], r[1], r[2], r[3]))


def _prod(rows):
    rows = [(m, c, y, s, (np.nan if st_ == "W" else q), st_) for m, c, y, s, q, st_ in rows]
    return production(rows)


def _gov(seed):
    rng = np.random.default_rng(seed)
    return compute_gamma(governance({(c, y): list(rng.normal(0, 1.2, 6))
                                     for c in ("AUS", "CHN", "USA") for y in (2017, 2019)}), P0)


@SETTINGS
@given(prod_rows)
def test_listed_plus_others_shares_sum_to_one(rows):
    s = production_shares(_prod(rows))
    assert "WORLD" not in set(s.country)
    sums = s.groupby(["mineral", "year", "stage"], observed=True)["share"].sum(min_count=1)
    totals = s.assign(q=s.quantity.where(s.share.notna())) \
        .groupby(["mineral", "year", "stage"], observed=True)["q"].sum()
    for key, total in sums.items():
        if totals[key] > 0:
            assert np.isclose(total, 1.0)
    assert ((s.share >= 0) & (s.share <= 1) | s.share.isna()).all()


@SETTINGS
@given(prod_rows, st.integers(0, 5))
def test_hhi_and_R_ranges(rows, seed):
    r = compute_supply_risk(_prod(rows), _gov(seed), P0)
    hhi = r.HHI.dropna()
    assert ((hhi >= 0) & (hhi <= 1 + 1e-12)).all()
    raw = r.R_raw.dropna()
    assert ((raw >= 0) & (raw <= hhi.reindex(raw.index) + 1e-12)).all()     # Γ ≤ 1
    R = r.R.dropna()
    assert ((R >= 0) & (R <= 1)).all()
    if raw.nunique() >= 2:
        assert R.min() == 0 and R.max() == 1
    cov = r.coverage.dropna()
    assert ((cov >= 0) & (cov <= 1 + 1e-12)).all()


@SETTINGS
@given(prod_rows, st.randoms(use_true_random=False))
def test_supply_risk_ignores_row_order(rows, rnd):
    prod = _prod(rows)
    order = list(range(len(prod)))
    rnd.shuffle(order)
    gov = _gov(1)
    a = compute_supply_risk(prod, gov, P0)
    b = compute_supply_risk(prod.iloc[order].reset_index(drop=True), gov, P0)
    pd.testing.assert_frame_equal(a, b)
    sa = production_shares(prod).sort_values(["mineral", "year", "stage", "country"]).reset_index(drop=True)
    sb = production_shares(prod.iloc[order]).sort_values(["mineral", "year", "stage", "country"]) \
        .reset_index(drop=True)
    pd.testing.assert_frame_equal(sa, sb)


price_series = st.dictionaries(
    st.sampled_from(["a", "b", "c"]),
    st.dictionaries(st.integers(2010, 2020), st.floats(0.1, 1e4, allow_nan=False), min_size=1, max_size=11),
    min_size=1)


@SETTINGS
@given(price_series, st.integers(2, 6), st.randoms(use_true_random=False))
def test_market_range_and_order(series, window, rnd):
    p = prices(series)
    params = EngineParams(window=window)
    out = compute_market(p, params)
    m = out.M.dropna()
    assert ((m >= 0) & (m <= 1)).all()
    if out.M_raw.dropna().nunique() >= 2:
        assert m.min() == 0 and m.max() == 1
    assert (out.n <= window).all()
    order = list(range(len(p)))
    rnd.shuffle(order)
    pd.testing.assert_frame_equal(out, compute_market(p.iloc[order], params))


bal_rows = st.lists(st.fixed_dictionaries({
    "country": st.sampled_from(["USA", "CHN", "JPN"]), "year": st.integers(2015, 2020),
    "production": st.one_of(st.floats(0, 100), st.just(np.nan)),
    "production_state": st.sampled_from(["", "", "W"]),
    "imports": st.floats(0, 100), "exports": st.floats(0, 100),
}), min_size=1, max_size=25, unique_by=lambda r: (r["country"], r["year"]))


@SETTINGS
@given(bal_rows, st.sampled_from(["exclude", "last_known", "bound"]), st.randoms(use_true_random=False))
def test_dependency_range_and_order(rows, policy, rnd):
    for r in rows:
        if r["production_state"] == "W":
            r["production"] = np.nan
    b = balance(rows)
    params = EngineParams(withheld_policy=policy)
    out = compute_dependency(b, params)
    d = out.D.dropna()
    assert ((d >= 0) & (d <= 1)).all()
    assert (out.D.isna() == (out.flag.str.contains("missing_input|withheld$|withheld;|no_supply"))).all()
    order = list(range(len(b)))
    rnd.shuffle(order)
    pd.testing.assert_frame_equal(out, compute_dependency(b.iloc[order], params))
