"""An analyst's table as records: one per value cell, whatever the layout.

Each record carries the cell as written and what its row and column say about it, all still raw: the
mineral and country names, the stage, the unit, the year and the measure (:func:`value_records`).  The
three shapes differ only in where these come from — a column of the row, the cell's column header, or
the table's context (:class:`~desktop.core.ingest.recognisers.analyst.layout.Layout`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.ingest.columns import is_blank
from desktop.core.ingest.recognisers.analyst.layout import Layout
from desktop.core.units import split_unit


def value_records(layout: Layout, body: pd.DataFrame, rows: np.ndarray, head: list) -> pd.DataFrame:
    """One record per value cell: ``mineral_raw``, ``country_raw``, ``stage_raw``, ``unit_raw``, ``year_raw``,
    ``measure``, ``cell`` (as written), ``row`` (the spreadsheet's) and ``column`` (its header); an empty frame
    when the layout has no value column."""
    n = len(body)

    def const(value: object) -> np.ndarray:
        return np.full(n, value, dtype=object)

    def role_column(role: str) -> np.ndarray | None:
        return body.iloc[:, layout.roles[role]].to_numpy(dtype=object) if role in layout.roles else None

    mineral_names = role_column("mineral")
    country_names = role_column("country")
    stages = role_column("stage")
    units = role_column("unit")
    indicators = role_column("indicator")
    if layout.label_col is not None:
        labels = body.iloc[:, layout.label_col].to_numpy(dtype=object)
        if layout.entity == "mineral":
            mineral_names = labels
        else:
            country_names = labels
    parts: list[pd.DataFrame] = []

    def add_column(values: np.ndarray, years: np.ndarray, measures: np.ndarray, column: object, unit_text: str,
                   column_minerals: np.ndarray | None = None, column_countries: np.ndarray | None = None) -> None:
        """The records of one value column; ``column_minerals``/``column_countries``: the name its header gives
        (year rows), else the row's."""
        parts.append(pd.DataFrame({
            "mineral_raw": column_minerals if column_minerals is not None else (
                mineral_names if mineral_names is not None else const(None)),
            "country_raw": column_countries if column_countries is not None else (
                country_names if country_names is not None else const(None)),
            "stage_raw": stages if stages is not None else const(None),
            "unit_raw": units if units is not None else const(unit_text),
            "year_raw": years, "measure": measures, "cell": values, "row": rows,
            "column": str(column),
        }))

    if layout.kind == "long":
        years = (body.iloc[:, layout.roles["year"]].to_numpy(dtype=object) if "year" in layout.roles
                 else const(layout.year))
        for c, measure in layout.measure_cols.items():
            add_column(body.iloc[:, c].to_numpy(dtype=object), years, const(measure), head[c],
                       split_unit(head[c])[1] or layout.unit_text)
    elif layout.kind == "wide":
        if indicators is not None and layout.indicator_measures:
            measures = np.array([layout.indicator_measures.get(str(v), None) if not is_blank(v) else None
                                 for v in indicators], dtype=object)
            if units is None:   # "产量（万吨）" in the indicator column carries the row's unit
                units = np.array([split_unit(v)[1] if not is_blank(v) else "" for v in indicators], dtype=object)
                units = np.where(units == "", layout.unit_text, units)
        else:
            measures = const(layout.measure)
        for c, year in layout.year_cols.items():
            add_column(body.iloc[:, c].to_numpy(dtype=object), const(year), measures, head[c],
                       split_unit(str(head[c]))[1] or layout.unit_text)
    else:  # year_rows
        years = body.iloc[:, layout.roles["year"]].to_numpy(dtype=object)
        for c in layout.entity_cols:
            name, unit_text = split_unit(str(head[c]))
            named = const(name)
            add_column(body.iloc[:, c].to_numpy(dtype=object), years, const(layout.measure), head[c],
                       unit_text or layout.unit_text,
                       column_minerals=named if layout.entity == "mineral" else None,
                       column_countries=named if layout.entity == "country" else None)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
