"""Combining files: the later file wins column by column, silence keeps older values."""
import numpy as np
import pandas as pd

from desktop.core.dataset import Dataset, conform
from desktop.core.store import Project


def balance(rows):
    cols = ["mineral", "country", "year", "stage", "production", "production_state", "imports", "imports_state",
            "exports", "exports_state", "unit"]
    return conform("balance", pd.DataFrame(rows, columns=cols))


USGS = balance([["cobalt", "USA", 2023, "", 500.0, "", 9000.0, "", 3000.0, "", "t"]])
# A trade file: no production (empty, no state), new imports, exports withheld.
TRADE = balance([["cobalt", "USA", 2023, "", np.nan, "", 9500.0, "", np.nan, "W", ""],
                 ["cobalt", "CHN", 2023, "", np.nan, "", 100.0, "", 50.0, "", ""]])


def check(frame):
    usa = frame.set_index("country").loc["USA"]
    assert usa["production"] == 500.0            # kept: the trade file said nothing
    assert usa["imports"] == 9500.0              # later file wins
    assert np.isnan(usa["exports"]) and usa["exports_state"] == "W"   # a state is information: it wins
    assert usa["unit"] == "t"                    # empty text keeps the older unit
    assert len(frame) == 2


def test_dataset_merge_column_by_column():
    ds = Dataset(tables={"balance": USGS})
    ds.merge(Dataset(tables={"balance": TRADE}))
    check(ds.get("balance"))


def test_store_upsert_same_rule(tmp_path):
    with Project.open(tmp_path / "p.critmin", create=True) as p:
        p.write_import({"balance": USGS}, {"file": "usgs.csv", "sha256": "a"})
        p.write_import({"balance": TRADE}, {"file": "baci.csv", "sha256": "b"})
        check(p.read("balance"))
