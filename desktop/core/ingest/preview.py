"""What an import understood: format, tables, years, names, units, problems.

The same structure feeds ``critmin validate`` (printed) and the GUI import
wizard (shown), so both tell the analyst the same story.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from desktop.core.dataset import year_span
from desktop.core.ingest.base import NameMapping
from desktop.core.ingest.drops import reason_text
from desktop.core.messages import Joined, msg, term, text
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
    notes: list[str] = field(default_factory=list)       # Messages (see ParseContext)
    dropped: list[dict] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors

    def format_label(self) -> str:
        return ", ".join(sorted({s.label for s in self.sheets if s.recogniser}))

    def source(self) -> dict:
        """What an import records of its file (``Project.write_import``'s ``source``)."""
        return {"file": self.file, "sha256": self.sha256, "format": self.format_label()}

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

    def summary_lines(self, verbose: bool = False, lang: str = "en") -> list[str]:
        """Readable summary in ``lang`` ('en' or 'zh'); ``verbose`` lists every guess and every reason rows
        were left out.  The file's own names and values are shown as they are."""
        def t(code, **params):
            return text(code, params, lang)

        lines = [f"{self.file}"]
        for sp in self.sheets:
            where = "  " + (t("preview.sheet", sheet=sp.sheet) if sp.sheet else "")
            if sp.recogniser:
                parts = [msg("preview.table_rows", table=name, rows=n) for name, n in sp.tables.items()]
                tables = Joined(tuple(parts)) if parts else msg("preview.no_rows")
                lines.append(where + t("preview.sheet_tables", label=sp.label, tables=tables))
            else:
                lines.append(where + t("preview.not_recognised"))
        for name, frame in self.tables.items():
            bits = []
            if "year" in frame and len(frame):
                bits.append(msg("preview.years", first=frame["year"].min(), last=frame["year"].max()))
            if "mineral" in frame:
                bits.append(msg("preview.minerals", n=frame["mineral"].nunique()))
            if "country" in frame:
                bits.append(msg("preview.countries", n=frame["country"].nunique()))
            if "unit" in frame:
                units = sorted(u for u in frame["unit"].dropna().unique() if u)
                if units:
                    bits.append(msg("preview.units", units=units[:6], more=" …" if len(units) > 6 else ""))
            details = t("preview.details", details=Joined(tuple(bits), "; ")) if bits else ""
            lines.append("  " + t("preview.table_rows", table=name, rows=len(frame)) + details)
        for note in self.notes:
            lines.append("  " + t("preview.note", note=note))
        mapped = [m for m in self.mappings if m.target]
        if mapped:
            renamed = [m for m in mapped if normalise_name(m.raw) != normalise_name(m.target)]
            kinds = {k: len({m.target for m in mapped if m.kind == k}) for k in ("mineral", "country")}
            lines.append("  " + t("preview.names", minerals=kinds["mineral"], countries=kinds["country"],
                                  renamed=len(renamed)))
            for m in renamed if verbose else []:
                lines.append("    " + t("preview.renamed", kind=term("kind", m.kind), raw=m.raw, target=m.target,
                                        rows=m.rows))
        guessed = [m for m in mapped if m.confidence < 1.0]
        for m in guessed if verbose else guessed[:20]:
            lines.append("  " + t("preview.guessed", kind=term("kind", m.kind), raw=m.raw, target=m.target,
                                  confidence=m.confidence))
        if self.dropped:
            total = sum(int(d.get("count", 1)) for d in self.dropped)
            lines.append("  " + t("preview.rows_left_out", n=total))
            reasons: dict[str, list] = {}        # English reason -> [rows, first entry]
            for d in self.dropped:
                counted = reasons.setdefault(d.get("reason", ""), [0, d])
                counted[0] += int(d.get("count", 1))
            ranked = sorted(reasons.values(), key=lambda kv: -kv[0])
            for count, entry in ranked if verbose else ranked[:8]:
                lines.append(f"    {count:>7} {reason_text(entry, lang)}")
            if not verbose and len(ranked) > 8:
                rest = sum(c for c, _ in ranked[8:])
                lines.append("    " + t("preview.more_reasons", rows=rest, reasons=len(ranked) - 8))
        return lines
