"""The project's data written back in the CritMin template (docs/template.md).

import → export → import → export gives identical sheets: rows are sorted by
key, minerals are written by their canonical English name, countries by ISO3,
and value states by the token they came from (W, NA, >50, 50–300 …).
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

from desktop.core.dataset import SCHEMA, WGI_INDICATORS, Dataset
from desktop.core.export.cells import csv_safe, header_cells, save_workbook, set_widths, write_replacing, xlsx_cell
from desktop.core.registry import Registry, default_registry
from desktop.core.values import format_token

# Template columns per sheet, in the order analysts see them.
SHEET_COLUMNS = {
    "production": ["mineral", "country", "year", "stage", "quantity", "unit"],
    "balance": ["mineral", "country", "year", "stage", "production", "imports", "exports", "net_imports", "unit"],
    "prices": ["mineral", "year", "price", "unit"],
    "governance": ["country", "year", *WGI_INDICATORS],
    "reserves": ["mineral", "country", "year", "reserves", "unit"],
    "recycling": ["mineral", "year", "eol_rir"],
    "chain_risk": ["mineral", "stream", "stage", "dimension", "score", "source", "note"],
    "lists": ["list", "mineral"],
    "events": ["country", "mineral", "stage", "type", "start_year", "end_year", "source", "note"],
    "scenarios": ["scenario", "change_no", "type", "mineral", "country", "stage", "from_year", "factor", "target_year",
                  "rationale", "source", "partners", "event"],
    "trade_flows": ["mineral", "year", "stage", "exporter", "importer", "quantity_t", "value_kusd"],
    "content_factors": ["hs_code", "mineral", "share", "basis", "source"],
}
README_ROWS = [
    ("CritMin data workbook / CritMin 数据工作簿", ""),
    ("Each sheet is one table of the CritMin template; see docs/template.md.", "每个工作表对应模板中的一张表。"),
    ("mineral: English name, Chinese name or symbol; country: ISO3 code, English or Chinese name.",
     "矿种可用英文名、中文名或元素符号；国家可用 ISO3 代码、英文或中文名称。"),
    ("Value cells may hold W (withheld), NA, E (net exporter), >50, <1,000, 50–300.",
     "数值单元格可填写 W（保密）、NA、E（净出口）、>50、<1,000、50–300。"),
    ("events: policy events; stage empty = every stage, end_year empty = still in force.",
     "政策事件：环节留空表示所有环节，结束年份留空表示仍然有效。"),
    ("scenarios: what-if changes; type production, exports or demand; factor 0 = removed / export ban.",
     "情景：假设变化；类型为产量、出口或需求；系数 0 表示停产 / 禁止出口。"),
]


def template_frames(dataset: Dataset, registry: Registry | None = None) -> dict[str, pd.DataFrame]:
    """Template-shaped frames (what the sheets hold), sorted by key."""
    registry = registry or default_registry()
    names = registry.minerals["name_en"]
    out = {}
    for table, cols in SHEET_COLUMNS.items():
        frame = dataset.get(table)
        if frame.empty:
            continue
        frame = frame.sort_values(list(SCHEMA[table][0]), kind="stable").reset_index(drop=True)
        if table == "governance":
            frame = _governance_wide(frame)
        else:
            for col in SCHEMA[table][1]:
                frame[col] = _tokens(frame[col], frame[f"{col}_state"])
        if "mineral" in frame:
            frame["mineral"] = frame["mineral"].map(names).fillna(frame["mineral"])
        if table == "events":      # a year, written 2025 (not 2025.0) in CSV too; empty while in force
            frame["end_year"] = pd.Series([None if pd.isna(v) else int(v) for v in frame["end_year"]],
                                          index=frame.index, dtype=object)
        if table == "scenarios":   # years written 2025, an empty year as an empty cell
            for col in ("from_year", "target_year"):
                frame[col] = pd.Series([None if pd.isna(v) else int(v) for v in frame[col]],
                                       index=frame.index, dtype=object)
        out[table] = frame[cols]
    return out


def _tokens(values: pd.Series, states: pd.Series) -> pd.Series:
    """Numbers where the state is plain, the original token otherwise."""
    plain = (states == "").to_numpy()
    result = values.astype(object).where(values.notna(), None)
    if not plain.all():
        idx = np.flatnonzero(~plain)
        result.iloc[idx] = [format_token(v, s) for v, s in zip(values.iloc[idx], states.iloc[idx])]
    return result


def _governance_wide(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.assign(estimate=_tokens(frame["estimate"], frame["estimate_state"]))
    wide = frame.pivot(index=["country", "year"], columns="indicator", values="estimate")
    wide = wide.reindex(columns=list(WGI_INDICATORS)).reset_index()
    wide.columns.name = None
    return wide.astype(object).where(wide.notna(), None)


def write_data_workbook(dataset: Dataset, path: str | Path, registry: Registry | None = None) -> None:
    frames = template_frames(dataset, registry)
    wb = Workbook(write_only=True)
    for table, frame in frames.items():
        ws = wb.create_sheet(table)
        ws.freeze_panes = "A2"
        widths = [len(c) for c in frame.columns]
        for col_i, col in enumerate(frame.columns):
            sample = frame[col].head(200).astype(str).str.len()
            widths[col_i] = max(widths[col_i], int(sample.max()) if len(sample) else 0)
        set_widths(ws, widths)
        ws.append(header_cells(ws, list(frame.columns)))
        for row in frame.itertuples(index=False, name=None):
            ws.append([xlsx_cell(ws, v) for v in row])
    ws = wb.create_sheet("README")
    for row in README_ROWS:
        ws.append([xlsx_cell(ws, v) for v in row])
    save_workbook(wb, path)


def write_data_csv(dataset: Dataset, path: str | Path, registry: Registry | None = None) -> list[Path]:
    """One UTF-8 (with BOM, so Excel reads Chinese) CSV per table: ``<stem>_<table>.csv``."""
    path = Path(path)
    written = []
    for table, frame in template_frames(dataset, registry).items():
        def write(tmp: Path, frame: pd.DataFrame = frame) -> None:
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(frame.columns)
                for row in frame.itertuples(index=False, name=None):
                    writer.writerow(["" if v is None else csv_safe(v) for v in row])

        written.append(write_replacing(path.with_name(f"{path.stem}_{table}.csv"), write))
    return written


def write_data(dataset: Dataset, path: str | Path, registry: Registry | None = None) -> list[Path]:
    """The project's data as ``path``: one CSV per table for a ``.csv`` name, else a template workbook.
    Returns the files written (``critmin export`` and the window's Export Data Workbook…)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return write_data_csv(dataset, path, registry)
    write_data_workbook(dataset, path, registry)
    return [path]
