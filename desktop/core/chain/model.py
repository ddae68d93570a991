"""The dual-chain risk matrix's data model (METHODS §4): what a cell, a grid and a matrix hold.

One :class:`Matrix` per mineral and year: a :class:`Grid` per stream (primary, recycled), rows the four
chain stages, columns the stream's dimensions.  A :class:`Cell` holds the score shown (0..1 or None), its
five-level label, where it came from, the computed value kept beside an analyst's override, the inputs
of the rule that computed it, and the analyst's note.  The aggregates per stage, per stream and for the
whole chain follow one documented rule (``"max"``, the weakest link, by default; ``"weighted_mean"``
with editable weights as the option), and the weakest link is named.

Built by :func:`desktop.core.chain.matrix.build_matrix`; no Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

NEEDS_JUDGEMENT = "needs_judgement"      # the origin of a cell no rule could fill (never silently 0)
ANALYST = "analyst"                      # the origin of an analyst's score
COMPUTED = "computed:"                   # the origin of a rule's score: "computed:<rule id>"


@dataclass(frozen=True)
class Cell:
    stream: str                       # "primary" | "recycled"
    stage: str                        # "mining" | "processing" | "use" | "recycling"
    dimension: str                    # one of DIMENSIONS[stream]
    score: float | None               # the score shown: the analyst's if overridden, else the rule's
    level: str | None                 # "low" | "medium_low" | "medium" | "high" | "very_high" (None: no score)
    origin: str                       # "computed:<rule>" | "analyst" | "needs_judgement"
    computed: float | None = None     # the rule's score (kept beside an override; None: no rule filled it)
    rule: str | None = None           # the rule id that computed ``computed``
    inputs: dict = field(default_factory=dict)     # the rule's inputs by name (e.g. {"R": 0.66, "stage": "mine"})
    note: str = ""                    # the analyst's evidence, or the rule's one-line explanation
    edited: str = ""                  # when the analyst last edited it (ISO date-time; "" = never)

    @property
    def overridden(self) -> bool:
        return self.origin == ANALYST


@dataclass(frozen=True)
class Grid:
    stream: str
    stages: tuple[str, ...]
    dimensions: tuple[str, ...]
    cells: dict                       # (stage, dimension) -> Cell
    stage_scores: dict                # stage -> aggregate score (None: no cell of the stage has a score)
    dimension_scores: dict            # dimension -> aggregate score over the stages
    score: float | None               # the stream's aggregate


@dataclass(frozen=True)
class Matrix:
    mineral: str
    year: int
    primary: Grid
    recycled: Grid
    score: float | None               # the whole chain's aggregate
    weakest: Cell | None              # the cell with the highest score of both grids (the weakest link)
    rule: str = "max"                 # the aggregation rule used: "max" | "weighted_mean"
    weights: dict = field(default_factory=dict)        # dimension -> weight of "weighted_mean" ({} for "max")
    stage_scores: dict = field(default_factory=dict)   # stage -> aggregate over both grids (the overview heat map)
    country: str | None = None        # the assessed country whose D the trade cells read (None: no D)

    def grid(self, stream: str) -> Grid:
        return self.primary if stream == "primary" else self.recycled
