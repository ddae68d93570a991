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
from desktop.core.messages import Joined, Message, msg, term, text
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
    # per table, parallel to its rows: the sheet ('' for a CSV) and the 1-based spreadsheet row each row
    # came from (row NaN where it is not known); what Project.write_import(origins=) stores
    origins: dict[str, pd.DataFrame] = field(default_factory=dict)

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
        lines = [f"{self.file}"]
        lines += self._sheet_lines(lang)
        lines += self._table_lines(lang)
        lines += ["  " + text("preview.note", {"note": note}, lang) for note in self.notes]
        lines += self._name_lines(verbose, lang)
        lines += self._dropped_lines(verbose, lang)
        return lines

    def _sheet_lines(self, lang: str) -> list[str]:
        """One line per sheet: the format that read it and its rows per table, or that nothing did."""
        lines = []
        for sheet in self.sheets:
            where = "  " + (text("preview.sheet", {"sheet": sheet.sheet}, lang) if sheet.sheet else "")
            if sheet.recogniser:
                parts = [msg("preview.table_rows", table=name, rows=n) for name, n in sheet.tables.items()]
                tables = Joined(tuple(parts)) if parts else msg("preview.no_rows")
                lines.append(where + text("preview.sheet_tables", {"label": sheet.label, "tables": tables}, lang))
            else:
                lines.append(where + text("preview.not_recognised", lang=lang))
        return lines

    def _table_lines(self, lang: str) -> list[str]:
        """One line per table: its rows, and the years, minerals, countries and units it holds."""
        lines = []
        for name, frame in self.tables.items():
            bits = _table_details(frame)
            details = text("preview.details", {"details": Joined(tuple(bits), "; ")}, lang) if bits else ""
            lines.append("  " + text("preview.table_rows", {"table": name, "rows": len(frame)}, lang) + details)
        return lines

    def _name_lines(self, verbose: bool, lang: str) -> list[str]:
        """How many minerals and countries the names mapped to, how many were renamed (each listed when
        ``verbose``), and the guesses (the first 20 unless ``verbose``): what the analyst should check."""
        lines = []
        mapped = [mapping for mapping in self.mappings if mapping.target]
        if mapped:
            renamed = [mapping for mapping in mapped if normalise_name(mapping.raw) != normalise_name(mapping.target)]
            targets = {kind: len({mapping.target for mapping in mapped if mapping.kind == kind})
                       for kind in ("mineral", "country")}
            lines.append("  " + text("preview.names", {"minerals": targets["mineral"], "countries": targets["country"],
                                                       "renamed": len(renamed)}, lang))
            for mapping in renamed if verbose else []:
                lines.append("    " + text("preview.renamed", {"kind": term("kind", mapping.kind), "raw": mapping.raw,
                                                              "target": mapping.target, "rows": mapping.rows}, lang))
        guessed = [mapping for mapping in mapped if mapping.confidence < 1.0]
        for mapping in guessed if verbose else guessed[:20]:
            lines.append("  " + text("preview.guessed", {"kind": term("kind", mapping.kind), "raw": mapping.raw,
                                                        "target": mapping.target, "confidence": mapping.confidence},
                                     lang))
        return lines

    def _dropped_lines(self, verbose: bool, lang: str) -> list[str]:
        """The rows left out, and how many for each reason, most first (the first 8 unless ``verbose``)."""
        if not self.dropped:
            return []
        total = sum(int(entry.get("count", 1)) for entry in self.dropped)
        lines = ["  " + text("preview.rows_left_out", {"n": total}, lang)]
        reasons: dict[str, list] = {}        # English reason -> [rows, first entry]
        for entry in self.dropped:
            counted = reasons.setdefault(entry.get("reason", ""), [0, entry])
            counted[0] += int(entry.get("count", 1))
        ranked = sorted(reasons.values(), key=lambda rows_and_entry: -rows_and_entry[0])
        for count, first_entry in ranked if verbose else ranked[:8]:
            lines.append(f"    {count:>7} {reason_text(first_entry, lang)}")
        if not verbose and len(ranked) > 8:
            rest = sum(count for count, _ in ranked[8:])
            lines.append("    " + text("preview.more_reasons", {"rows": rest, "reasons": len(ranked) - 8}, lang))
        return lines


def _table_details(frame: pd.DataFrame) -> list[Message]:
    """What a table holds, for its summary line: its years, and how many minerals, countries, which units."""
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
    return bits
