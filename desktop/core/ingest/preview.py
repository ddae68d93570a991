"""What an import understood: format, tables, years, names, units, problems.

The same structure feeds ``critmin validate`` (printed) and the GUI import
wizard (shown), so both tell the analyst the same story.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from desktop.core.dataset import year_span
from desktop.core.ingest.base import NameMapping
from desktop.core.problems import ProblemList
from desktop.core.registry.normalise import normalise_name


@dataclass
class SheetPreview:
    sheet: str
    recogniser: str          # recogniser name, "" when nothing recognised the sheet
    label: str
    confidence: float
    tables: dict[str, int] = field(default_factory=dict)   # table -> rows parsed


@dataclass
class ImportPreview:
    file: str
    path: str
    sha256: str
    sheets: list[SheetPreview] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    mappings: list[NameMapping] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors

    def format_label(self) -> str:
        return ", ".join(sorted({s.label for s in self.sheets if s.recogniser}))

    def rows_by_table(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.tables.items()}

    def years_by_table(self) -> dict[str, str]:
        """The years each table holds ('2015–2024'), the data vintage of the file."""
        out = {}
        for name, frame in self.tables.items():
            if "year" in frame and len(frame):
                y = pd.to_numeric(frame["year"], errors="coerce").dropna()
                if len(y):
                    out[name] = year_span(int(y.min()), int(y.max()))
        return out

    def summary_lines(self, verbose: bool = False) -> list[str]:
        """Readable summary; ``verbose`` lists every guess and every reason rows were left out."""
        lines = [f"{self.file}"]
        for sp in self.sheets:
            where = f"  sheet '{sp.sheet}': " if sp.sheet else "  "
            if sp.recogniser:
                parts = ", ".join(f"{t}: {n} rows" for t, n in sp.tables.items()) or "no rows"
                lines.append(f"{where}{sp.label} ({parts})")
            else:
                lines.append(f"{where}not recognised — skipped")
        for name, frame in self.tables.items():
            bits = []
            if "year" in frame and len(frame):
                bits.append(f"years {frame['year'].min()}–{frame['year'].max()}")
            if "mineral" in frame:
                bits.append(f"{frame['mineral'].nunique()} minerals")
            if "country" in frame:
                bits.append(f"{frame['country'].nunique()} countries")
            if "unit" in frame:
                units = sorted(u for u in frame["unit"].dropna().unique() if u)
                if units:
                    bits.append("units " + ", ".join(units[:6]) + (" …" if len(units) > 6 else ""))
            lines.append(f"  {name}: {len(frame)} rows" + (f" ({'; '.join(bits)})" if bits else ""))
        for note in self.notes:
            lines.append(f"  note: {note}")
        mapped = [m for m in self.mappings if m.target]
        if mapped:
            renamed = [m for m in mapped if normalise_name(m.raw) != normalise_name(m.target)]
            kinds = {k: len({m.target for m in mapped if m.kind == k}) for k in ("mineral", "country")}
            lines.append(f"  names: {kinds['mineral']} minerals and {kinds['country']} countries recognised; "
                         f"{len(renamed)} spellings mapped to registry ids")
            for m in renamed if verbose else []:
                lines.append(f"    {m.kind} '{m.raw}' → {m.target} ({m.rows} rows)")
        guessed = [m for m in mapped if m.confidence < 1.0]
        for m in guessed if verbose else guessed[:20]:
            lines.append(f"  guessed {m.kind} '{m.raw}' → {m.target} (confidence {m.confidence:.0%})")
        if self.dropped:
            total = sum(int(d.get("count", 1)) for d in self.dropped)
            lines.append(f"  rows left out: {total}")
            reasons: dict[str, int] = {}
            for d in self.dropped:
                reasons[d.get("reason", "")] = reasons.get(d.get("reason", ""), 0) + int(d.get("count", 1))
            ranked = sorted(reasons.items(), key=lambda kv: -kv[1])
            for reason, count in ranked if verbose else ranked[:8]:
                lines.append(f"    {count:>7} {reason}")
            if not verbose and len(ranked) > 8:
                rest = sum(c for _, c in ranked[8:])
                lines.append(f"    {rest:>7} rows for {len(ranked) - 8} more reasons (use --verbose to list them)")
        return lines
