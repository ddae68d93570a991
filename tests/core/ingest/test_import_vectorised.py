"""The import path's vectorised checks (issue 9 item 6) give what the row-by-row rules say: repeated keys,
gaps and jumps in the order of the file, historic countries, names mapped once per distinct name."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.ingest import columns as cols
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.checks import check_table
from desktop.core.ingest.load import load_file
from desktop.core.ingest.names import record_mappings
from desktop.core.ingest.readers import RawSheet
from desktop.core.registry import default_registry


def _sheet(frame=None) -> RawSheet:
    return RawSheet(Path("production.csv"), "", pd.DataFrame() if frame is None else frame)


def _random_production(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "mineral": rng.choice(["cobalt", "lithium", "nickel"], n), "country": rng.choice(["COD", "AUS", "CHN"], n),
        "year": rng.integers(2000, 2012, n), "stage": rng.choice(["", "mine", "refinery"], n),
        "quantity": rng.choice([1.0, 5.0, 100.0, 2000.0], n), "quantity_state": "", "unit": "t"})
    frame = frame.drop_duplicates(["mineral", "country", "year", "stage"]).reset_index(drop=True)
    frame["_row"] = np.arange(len(frame)) + 2
    return frame


def _expected_jumps(frame: pd.DataFrame) -> list[int]:
    """The rows of year-on-year jumps ≥ 10×, series in order of their first row, years ascending."""
    keys = ["mineral", "country", "stage"]
    f = frame.assign(first=frame.groupby(keys)["_row"].transform("min")).sort_values(["first", "year"])
    prev, prev_year = f.groupby(keys)["quantity"].shift(), f.groupby(keys)["year"].shift()
    ratio = f["quantity"] / prev
    jump = (f["year"] - prev_year == 1) & (prev > 0) & ((ratio >= 10) | (ratio <= 0.1))
    return f.loc[jump, "_row"].tolist()


def _listed(problems, code) -> list[int]:
    """The rows a code's problems name, the summary's listed ones included."""
    found = [p for p in problems if p.code == code]
    return [p.row for p in found if "more_rows" not in getattr(p.message, "code", "")], found


def test_jumps_and_gaps_in_file_order():
    for seed in range(5):
        frame = _random_production(600, seed)
        ctx = ParseContext(registry=default_registry())
        check_table("production", frame, _sheet(), ctx)
        rows, found = _listed(ctx.problems, "suspicious_jump")
        expected = _expected_jumps(frame)
        assert rows == expected[:20]
        if len(expected) > 20:
            assert found[-1].params["more"] == len(expected) - 20
        gaps = [p.params["series"] for p in ctx.problems if p.code == "year_gap" and "series" in p.params]
        first_rows = frame.groupby(["mineral", "country", "stage"], sort=False)["_row"].min()
        with_gap = [", ".join(k for k in key if k) for key, g in frame.groupby(["mineral", "country", "stage"])
                    if g["year"].max() - g["year"].min() + 1 > len(g)]
        order = {", ".join(k for k in key if k): r for key, r in first_rows.items()}
        assert gaps == sorted(with_gap, key=order.get)[:20]


def test_repeated_keys_once_per_key():
    frame = _random_production(200, 1)
    repeat = frame.iloc[[3, 10]].assign(_row=[900, 901])
    conflict = frame.iloc[[5]].assign(_row=[902], quantity=[-1.0])
    ctx = ParseContext(registry=default_registry())
    out = check_table("production", pd.concat([frame, repeat, conflict], ignore_index=True), _sheet(), ctx)
    assert len(out) == len(frame) + 1          # the exact repeats imported once, the conflict kept (it blocks)
    warned = sorted(p.params["rows"] for p in ctx.problems if p.code == "duplicate_row")
    assert warned == sorted([[int(frame["_row"][3]), 900], [int(frame["_row"][10]), 901]])
    [error] = [p for p in ctx.problems if p.code == "conflicting_duplicate"]
    assert error.params["rows"] == [int(frame["_row"][5]), 902]


def test_historic_country_beside_exact_duplicates(tmp_path):
    """Exact repeats are left out before the historic years are checked: the rows named are the file's."""
    path = tmp_path / "production.csv"
    path.write_text("mineral,country,year,quantity\nCobalt,COD,2000,1\nCobalt,COD,2000,1\nNickel,SUN,1921,5\n"
                    "Nickel,SUN,1950,5\nNickel,SUN,1995,6\n", encoding="utf-8")
    preview = load_file(path)
    [warning] = [p for p in preview.problems if p.code == "historic_years"]
    assert warning.params["years"] == [1921, 1995] and warning.params["rows"] == [4, 6]
    assert len(preview.tables["production"]) == 4


def test_names_mapped_once_per_distinct_name():
    reg = default_registry()
    raw = pd.Series(["Cobalt", "钴", None, "Co", "Unobtainium", "Cobalt", "", "lithium", "Co"] * 50, dtype=object)
    rows = np.arange(len(raw)) + 2
    ctx = ParseContext(registry=reg)
    ids, bad = cols.parse_ids(ctx, _sheet(), raw, rows, "mineral", "mineral")
    assert ids.tolist()[:9] == ["cobalt", "cobalt", None, "cobalt", None, "cobalt", None, "lithium", "cobalt"]
    assert bad.tolist()[:9] == [False, False, True, False, True, False, True, False, False]
    reference = ParseContext(registry=reg)
    record_mappings(reference, "mineral", raw[~bad], ids[~bad], rows[~bad])
    assert [m for m in ctx.mappings if m.target] == reference.mappings
    [unknown] = [p for p in ctx.problems if p.code == "unknown_mineral"]
    assert unknown.row == 6 and "50 rows" in unknown.format()
    # rows that repeat (several names in one cell, as scenario partners are): counted once per row
    ctx = ParseContext(registry=reg)
    cols.parse_ids(ctx, _sheet(), pd.Series(["USA", "CHN", "USA"]), np.array([2, 2, 3]), "partners", "country")
    assert [(m.target, m.rows) for m in ctx.mappings] == [("USA", 2), ("CHN", 1)]


def test_stage_and_choice_columns():
    ctx = ParseContext(registry=default_registry())
    raw = pd.Series(["mine", "矿山", None, "smelter", "nonsense", ""] * 30, dtype=object)
    stages, bad = cols.parse_stage(ctx, _sheet(), raw, np.arange(180) + 2, "stage", 180)
    assert stages.tolist()[:6] == ["mine", "mine", "", "refinery", "", ""]
    assert bad.tolist()[:6] == [False, False, False, False, True, False]
    [first, *_, summary] = [p for p in ctx.problems if p.code == "bad_stage"]
    assert (first.row, first.value) == (6, "nonsense") and "more_rows" in summary.message.code
