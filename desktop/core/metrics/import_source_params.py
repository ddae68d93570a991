"""The import-source parameters (:mod:`desktop.core.metrics.import_sources`), in a module without pandas: the
Parameters dock builds them on the GUI thread before the data libraries need to be loaded."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportSourceParams:
    risk_level: float = 0.5                # Γ at or above this: a high governance-risk partner
    top_n: int = 3                         # the n of the top-n share and of the partners named
    minerals: tuple[str, ...] = ()         # the list the counts run over (empty: every mineral with imports)

    def __post_init__(self) -> None:
        if not 0 <= self.risk_level <= 1:
            raise ValueError("risk_level must lie in 0..1 (Γ's range)")
        if int(self.top_n) < 1:
            raise ValueError("top_n must be at least 1")
        object.__setattr__(self, "minerals", tuple(self.minerals))
