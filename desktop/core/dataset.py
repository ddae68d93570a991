"""The canonical tables every reader produces, the store keeps and the engine reads.

A :class:`Dataset` is a dict-like bundle of pandas DataFrames with the columns
below.  Ids are canonical: ``mineral`` is a registry mineral id (``lithium``),
``country`` an ISO 3166 alpha-3 code or an aggregate code (``WORLD``,
``OTHERS``).  Every numeric value column ``x`` that may hold a publisher token
has a companion ``x_state`` column (see :mod:`desktop.core.values`; ``""`` for
a plain number).  ``stage`` is ``""`` when the source does not say.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# table -> (key columns, value columns with a state companion, other value columns)
SCHEMA: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "production": (("mineral", "country", "year", "stage"), ("quantity",), ("unit",)),
    "balance": (("mineral", "country", "year", "stage"),
                ("production", "imports", "exports", "net_imports"), ("unit",)),
    "prices": (("mineral", "year"), ("price",), ("unit",)),
    "governance": (("country", "year", "indicator"), ("estimate",), ()),
    "reserves": (("mineral", "country", "year"), ("reserves",), ("unit",)),
    "recycling": (("mineral", "year"), ("eol_rir",), ()),
    "chain_risk": (("mineral", "stream", "stage", "dimension"), ("score",), ("source", "note")),
    "lists": (("list", "mineral"), (), ()),
}
TABLES = tuple(SCHEMA)
WGI_INDICATORS = ("VA", "PV", "GE", "RQ", "RL", "CC")
PRODUCTION_STAGES = ("mine", "refinery")
STREAMS = ("primary", "recycled")
CHAIN_STAGES = ("mining", "processing", "use", "recycling")
DIMENSIONS = {
    "primary": ("political", "investment", "trade", "technology", "regulatory"),
    "recycled": ("environment", "industry", "technology", "social", "economic", "political"),
}
INT_COLUMNS = {"year"}
TEXT_COLUMNS = {"mineral", "country", "stage", "indicator", "unit", "stream", "dimension",
                "source", "note", "list"}


def columns(table: str) -> list[str]:
    """All columns of a canonical table, in order."""
    keys, stated, other = SCHEMA[table]
    out = list(keys)
    for col in stated:
        out += [col, f"{col}_state"]
    return out + list(other)


def empty(table: str) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="int64" if c in INT_COLUMNS else
                                       "object" if c in TEXT_COLUMNS or c.endswith("_state") else "float64")
                          for c in columns(table)})
    return frame


def conform(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with exactly the canonical columns and dtypes (missing ones added)."""
    out = pd.DataFrame(index=frame.index)
    for col in columns(table):
        if col in frame:
            out[col] = frame[col]
        elif col.endswith("_state") or col in {"stage", "unit", "source", "note"}:
            out[col] = ""
        else:
            out[col] = pd.Series(dtype="float64", index=frame.index)
    if "year" in out:
        out["year"] = out["year"].astype("int64")
    for col in out.columns:
        if col.endswith("_state") or col in {"stage", "unit", "source", "note"}:
            out[col] = out[col].fillna("").astype(object)
    return out.reset_index(drop=True)


@dataclass
class Dataset:
    """Canonical tables plus where they came from."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)   # file, sha256, format, rows per table

    def get(self, table: str) -> pd.DataFrame:
        return self.tables.get(table, empty(table))

    def __contains__(self, table: str) -> bool:
        return table in self.tables and len(self.tables[table]) > 0

    def merge(self, other: "Dataset") -> None:
        """Append ``other``; later rows win on equal keys (the order files were given)."""
        for name, frame in other.tables.items():
            if name in self.tables and len(self.tables[name]) and name not in SCHEMA:
                self.tables[name] = pd.concat([self.tables[name], frame], ignore_index=True)
            elif name in self.tables and len(self.tables[name]):
                keys = list(SCHEMA[name][0])
                both = pd.concat([self.tables[name], frame], ignore_index=True)
                self.tables[name] = both.drop_duplicates(keys, keep="last").reset_index(drop=True)
            else:
                self.tables[name] = frame
        self.sources.extend(other.sources)
