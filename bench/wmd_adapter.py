"""Read the World Mining Data long CSV into a canonical production frame.

A small adapter for the peer comparison with geopolrisk-py and the benchmark
(the project's real World Mining Data recogniser maps commodities to registry
ids; this one keeps the raw commodity name, e.g. ``Lithium (Li2O)``, as the
``mineral`` key so that it does not depend on that mapping).

Input columns: ``HS, Country, Country_Code, Country_ISO, 2018..2024, unit,
data_source``; rows whose ``Country_Code`` is ``DELETE`` are totals → country
``WORLD``.  A blank cell becomes NaN with state ``NA`` (not 0).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd


def read_wmd_long(path: str | Path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype={"Country_Code": str, "Country_ISO": str})
    return wmd_to_production(raw)


def wmd_to_production(raw: pd.DataFrame) -> pd.DataFrame:
    years = [c for c in raw.columns if str(c).strip().isdigit()]
    total = raw["Country_Code"].astype(str).str.strip().eq("DELETE")
    base = pd.DataFrame({
        "mineral": raw["HS"].astype(str).str.strip(),
        "country": np.where(total, "WORLD", raw["Country_ISO"].astype(str).str.strip()),
        "unit": raw["unit"].astype(str).str.strip(),
    })
    long = base.join(raw[years]).melt(id_vars=["mineral", "country", "unit"], value_vars=years,
                                      var_name="year", value_name="quantity")
    long["year"] = long["year"].astype("int64")
    long["quantity"] = pd.to_numeric(long["quantity"], errors="coerce")
    long["quantity_state"] = np.where(long["quantity"].isna(), "NA", "")
    long["stage"] = "mine"
    return long[["mineral", "country", "year", "stage", "quantity", "quantity_state", "unit"]]
