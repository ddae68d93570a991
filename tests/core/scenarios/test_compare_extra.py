"""The comparison's risk matrix per chain stage and its alerts count, on the demo (DR Congo cobalt −50 %)."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.dataset import CHAIN_STAGES
from desktop.core.ingest.load import load_file, preview_dataset
from desktop.core.metrics.engine import run
from desktop.core.scenarios import compare, compare_many, find, from_rows, run_scenario

DEMO = Path(__file__).resolve().parents[3] / "desktop" / "resources" / "demo" / "critmin_demo.xlsx"
COBALT = "DR Congo cobalt output −50 %"


@pytest.fixture(scope="module")
def cobalt():
    preview = load_file(DEMO)
    assert preview.ok
    dataset = preview_dataset(preview)
    scenario = find(from_rows(dataset.get("scenarios")), COBALT)
    res, applied = run_scenario(dataset, scenario, with_dataset=True)
    base = run(dataset)
    cmp = compare(base, res, year=2023, dataset=dataset, scenario_dataset=applied)
    return dataset, base, res, applied, cmp


def test_matrix_rows_per_chain_stage(cobalt):
    *_, cmp = cobalt
    stages = cmp[(cmp["metric"] == "matrix_stage") & (cmp["mineral"] == "cobalt")]
    assert sorted(stages["stage"]) == sorted(CHAIN_STAGES)
    mining = stages[stages["stage"] == "mining"].iloc[0]
    assert mining["baseline"] >= mining["scenario"]
    assert mining["worse"] in (None, False)
    assert (cmp["metric"] == "matrix").sum() == 1          # the weakest-link row is kept


def test_alerts_row_counts(cobalt):
    *_, cmp = cobalt
    rows = cmp[(cmp["metric"] == "alerts") & (cmp["mineral"] == "cobalt")]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert isinstance(row["baseline"], int) and isinstance(row["scenario"], int)
    assert row["baseline"] >= 0 and row["scenario"] >= 0
    assert row["delta"] == row["scenario"] - row["baseline"]
    assert row["worse"] is (True if row["delta"] > 0 else False if row["delta"] < 0 else None)
    if row["delta"] <= 0:
        assert row["detail"] == "" or row["detail"].count("; ") < 3
    assert row["detail"].count("; ") <= 2                  # at most three alerts named


def test_without_a_dataset_no_matrix_or_alerts(cobalt):
    _, base, res, _, _ = cobalt
    cmp = compare(base, res, year=2023)
    assert not cmp["metric"].isin(["matrix", "matrix_stage", "alerts"]).any()


def test_compare_many_keeps_the_new_rows(cobalt):
    dataset, base, res, applied, _ = cobalt
    many = compare_many(base, {"a": res, "b": res}, year=2023, dataset=dataset,
                        scenario_datasets={"a": applied, "b": applied})
    assert (many["metric"] == "alerts").sum() == 1
    assert (many["metric"] == "matrix_stage").sum() == len(CHAIN_STAGES)


def test_alerts_detail_names_at_most_three_added(monkeypatch):
    import pandas as pd

    from desktop.core import alerts
    from desktop.core.scenarios import apply

    def fake(results, dataset=None, rules=None, *, country=None, minerals=None, matrix=None, year=None):
        n = results
        return pd.DataFrame([{"rule": "event", "indicator": "event", "table": "events", "key": {"i": i},
                              "what": f"alert {i}"} for i in range(n)])

    monkeypatch.setattr(alerts, "compute_alerts", fake)
    row = apply._alerts(1, 5, None, None, "cobalt", 2023)
    assert (row["baseline"], row["scenario"]) == (1, 5)
    assert row["detail"] == "alert 1; alert 2; alert 3"
