"""The ready-made scenarios on the demo workbook: their results read as their seeds say.

What the demo's data allow (no bilateral trade flows; the balance table is the United States'):

* DR Congo cobalt −50 %: DR Congo's share falls, the cobalt HHI and R fall, world supply falls;
* China stops gallium exports: China leaves the world market — its share goes to 0, world market supply
  falls by China's share (about 98 % in 2023), and the HHI of what is left falls.  The importers' view
  (imports lost, D) needs trade flows, which the demo lacks: their D is unchanged and says so.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.ingest.load import load_file, preview_dataset
from desktop.core.metrics.engine import run
from desktop.core.scenarios import compare, find, from_rows, run_scenario

DEMO = Path(__file__).resolve().parents[3] / "desktop" / "resources" / "demo" / "critmin_demo.xlsx"


@pytest.fixture(scope="module")
def demo():
    preview = load_file(DEMO)
    assert preview.ok
    dataset = preview_dataset(preview)
    return dataset, run(dataset), from_rows(dataset.get("scenarios"))


def value(cmp, metric, column="delta", **where):
    sel = cmp[cmp["metric"] == metric]
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, sel
    return sel.iloc[0][column]


def test_demo_has_the_four_seeds(demo):
    _, _, scenarios = demo
    assert {s.name for s in scenarios} == {"China stops gallium and germanium exports", "DR Congo cobalt output −50 %",
                                           "Indonesia bans nickel ore exports", "lithium demand ×5 by 2040 (IEA)"}
    assert all(s.rationale and s.source for s in scenarios)


def test_cobalt_hhi_falls_when_dr_congo_halves(demo):
    dataset, base, scenarios = demo
    cmp = compare(base, run_scenario(dataset, find(scenarios, "DR Congo cobalt output −50 %")), year=2023,
                  dataset=dataset)
    assert value(cmp, "share", country="COD") < 0
    assert value(cmp, "HHI") < 0 and value(cmp, "HHI", "worse") is False
    assert value(cmp, "R") < 0
    assert value(cmp, "supply") < 0
    assert (cmp["metric"] == "matrix").any()


def test_china_gallium_ban_removes_china_from_the_world_market(demo):
    dataset, base, scenarios = demo
    cmp = compare(base, run_scenario(dataset, find(scenarios, "China stops gallium and germanium exports")),
                  minerals=["gallium"], year=2023)
    assert value(cmp, "share", "baseline", country="CHN") > 0.9
    assert value(cmp, "share", "scenario", country="CHN") == 0
    supply_b, supply_s = value(cmp, "supply", "baseline"), value(cmp, "supply", "scenario")
    assert supply_s / supply_b == pytest.approx(1 - value(cmp, "share", "baseline", country="CHN"))
    assert value(cmp, "HHI") < 0                       # the few producers left are less concentrated
    d = cmp[cmp["metric"] == "D"]
    assert (d["detail"].str.contains("no trade flows")).all()


def test_indonesia_ban_and_lithium_demand(demo):
    dataset, base, scenarios = demo
    cmp = compare(base, run_scenario(dataset, find(scenarios, "Indonesia bans nickel ore exports")), year=2023)
    assert value(cmp, "share", "scenario", country="IDN") == 0
    cmp = compare(base, run_scenario(dataset, find(scenarios, "lithium demand ×5 by 2040 (IEA)")))
    assert value(cmp, "required_supply", "year") == 2040
    assert value(cmp, "required_supply") == pytest.approx(0)    # the default multiplier is ×5 already
