"""The engine: what it computes from which tables, progress, cancel, provenance, extended hook."""

import pandas as pd
import pytest

from desktop.core.dataset import Dataset
from desktop.core.errors import Cancelled
from desktop.core.metrics import engine
from desktop.core.metrics.engine import TREND_COLUMNS, Results, run
from desktop.core.metrics.params import EngineParams

from .helpers import balance, governance, prices, production



def small_dataset() -> Dataset:
    years = range(2015, 2021)
    prod = production([(m, c, y, "mine", q * (1 + (y - 2015) / 10))
                       for m, shares in {"cobalt": {"COD": 70, "AUS": 10, "OTHERS": 20},
                                         "lithium": {"AUS": 50, "CHL": 30, "CHN": 20}}.items()
                       for c, q in shares.items() for y in years])
    gov = governance({(c, y): x for c, x in {"COD": -1.5, "AUS": 1.5, "CHL": 1.0, "CHN": -0.5}.items()
                      for y in years})
    pr = prices({"cobalt": {y: 10 + (y - 2015) ** 2 for y in range(2010, 2021)},
                 "lithium": {y: 5 + (y % 2) for y in range(2010, 2021)}})
    bal = balance([dict(mineral=m, year=y, production=p, imports=i, exports=1)
                   for m, p, i in (("cobalt", 1, 9), ("lithium", 5, 2)) for y in years])
    return Dataset({"production": prod, "governance": gov, "prices": pr, "balance": bal},
                   sources=[{"file": "demo.xlsx", "sha256": "abc", "format": "template"}])


@pytest.fixture
def no_extended(monkeypatch):
    hide_extended(monkeypatch)


def hide_extended(monkeypatch) -> None:
    """The core indicators alone: the engine's extended step gives no tables."""
    monkeypatch.setattr(engine, "run_extended", lambda *args, **kwargs: {})


def test_everything_present(no_extended):
    res = run(small_dataset(), EngineParams(country="USA"))
    assert isinstance(res, Results)
    for name in ("import_dependency", "market_dynamics", "governance", "production_shares", "supply_risk",
                 "thresholds", "trends"):
        assert name in res.tables, name
    assert res.problems == []
    assert res.provenance == [{"file": "demo.xlsx", "sha256": "abc", "format": "template"}]
    assert res.params.country == "USA"
    assert list(res.tables["thresholds"].metric) == ["D", "M", "R"]
    tr = res.tables["trends"]
    assert list(tr.columns) == TREND_COLUMNS
    assert set(tr.metric) == {"D", "M", "R"}
    # cobalt: I = 8, P = 1 → D = 8/9 every year → stable and persistently high (≥ 0.5)
    d = tr[(tr.metric == "D") & (tr.mineral == "cobalt")].iloc[0]
    assert d.trend == "stable" and d.persistently == "persistently_high" and d.country == "USA"
    # the stored tables carry no 'nan' text
    for name, frame in res.tables.items():
        for col in frame.columns:
            if frame[col].dtype == object:
                assert not frame[col].isin(["nan", "None"]).any(), (name, col)


def test_absent_inputs_are_skipped_with_a_note(no_extended):
    ds = small_dataset()
    del ds.tables["governance"]
    del ds.tables["prices"]
    res = run(ds, EngineParams())
    assert "market_dynamics" not in res.tables and "governance" not in res.tables
    assert res.tables["supply_risk"].R.isna().all()
    assert res.tables["supply_risk"].HHI.notna().all()
    text = " ".join(res.problems)
    assert "price" in text and "governance" in text.lower()
    empty = run(Dataset(), EngineParams())
    assert set(empty.tables) == {"thresholds", "trends"} and len(empty.problems) == 4


def test_progress_and_cancel(no_extended):
    seen = []
    run(small_dataset(), EngineParams(), progress=lambda f, t: seen.append((f, t)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0 and fractions[-1] == 1
    calls = {"n": 0}

    def cancel_after_three():
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(Cancelled):
        run(small_dataset(), EngineParams(), cancelled=cancel_after_three)


def test_extended_tables_are_merged(monkeypatch):
    got = {}

    def run_extended(dataset, core_tables, params, rows=None):
        got["core"] = sorted(core_tables)
        got["params"] = params
        return {"concentration": pd.DataFrame({"mineral": ["cobalt"], "top1": [0.7]}),
                "supply_risk": pd.DataFrame({"x": [1]})}

    monkeypatch.setattr(engine, "run_extended", run_extended)
    res = run(small_dataset(), EngineParams())
    assert "concentration" in res.tables and "ext_supply_risk" in res.tables
    assert "supply_risk" in got["core"] and "production_shares" in got["core"]
    assert isinstance(got["params"], EngineParams)
    assert any("ext_supply_risk" in p for p in res.problems)


def test_deterministic(no_extended):
    a = run(small_dataset(), EngineParams())
    b = run(small_dataset(), EngineParams())
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name])


def test_years_restrict_every_table(no_extended):
    res = run(small_dataset(), EngineParams(years=(2017, 2019)))
    for name in ("import_dependency", "market_dynamics", "supply_risk", "production_shares"):
        ys = res.tables[name]["year"]
        assert ys.min() >= 2017 and ys.max() <= 2019, name
    # windows still use earlier prices: 2017 has a full 5-year window
    m = res.tables["market_dynamics"]
    assert m.loc[m.year == 2017, "M_raw"].notna().all()


def test_cancel_at_every_check_with_the_extended_indicators_leaves_no_thread():
    import threading

    ds = small_dataset()
    checks = {"n": 0}

    def count():
        checks["n"] += 1
        return False

    full = run(ds, EngineParams(), cancelled=count)
    assert "supply_categories" in full.tables               # the extended module ran
    before = threading.active_count()
    for k in range(1, checks["n"] + 1):
        calls = {"n": 0}

        def cancel_at_k(calls=calls, k=k):
            calls["n"] += 1
            return calls["n"] >= k

        with pytest.raises(Cancelled):
            run(ds, EngineParams(), cancelled=cancel_at_k)
        assert threading.active_count() == before, k          # the worker thread was shut down
