"""The recogniser protocol: how a layout is detected and parsed into canonical tables.

Each recogniser looks at one :class:`RawSheet`, says how sure it is that the
sheet is in its layout (``detect``), and parses it (``parse``) into canonical
tables (see :mod:`desktop.core.dataset`), reporting problems and the name
mappings it made into the :class:`ParseContext`.  ``desktop.core.ingest.load``
runs the most confident recogniser on every sheet.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import pandas as pd

from desktop.core.ingest.readers import RawSheet
from desktop.core.problems import ProblemList
from desktop.core.registry import Registry


@dataclass
class NameMapping:
    kind: str            # "mineral" | "country" | "column" | "unit"
    raw: str             # as written in the file
    target: str          # canonical id (or "" when unknown)
    confidence: float    # 1.0 exact alias, < 1.0 a guess
    rows: int = 0        # how many rows carried it


@dataclass
class ParseContext:
    registry: Registry
    problems: ProblemList = field(default_factory=ProblemList)
    mappings: list[NameMapping] = field(default_factory=list)
    # what was recognised, for the preview: Messages (the English text; .text("zh") in Chinese)
    notes: list[str] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)    # rows left out: file, sheet, row, reason (drops.py)


class Recogniser(Protocol):
    name: str            # short id shown to the user, e.g. "template", "usgs_world"
    label: str           # human name, e.g. "USGS MCS world data"

    def detect(self, sheet: RawSheet) -> float:
        """Confidence 0..1 that ``sheet`` is in this layout (0 = certainly not)."""

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        """Canonical tables from the sheet (keys are table names of ``dataset.SCHEMA``)."""
