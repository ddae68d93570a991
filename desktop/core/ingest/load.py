"""Load files: read every sheet, pick the most confident recogniser, check, preview.

``load_files`` is what ``critmin validate/import/compute`` and the GUI use.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.dataset import SCHEMA, Dataset, conform
from desktop.core.errors import ReadError
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.checks import check_table
from desktop.core.ingest.preview import ImportPreview, SheetPreview
from desktop.core.ingest.readers import file_sha256, read_file
from desktop.core.ingest.recognisers import all_recognisers
from desktop.core.ingest.skip import LeaveOut, leave_out_sheet
from desktop.core.messages import msg
from desktop.core.registry import Registry, default_registry


def load_file(path: str | Path, registry: Registry | None = None, recognisers=None, *,
              leave_out_error_rows: bool = False) -> ImportPreview:
    """Read, recognise and check one file.  Never raises for bad content: see ``preview.problems``.

    With ``leave_out_error_rows`` the rows named by errors are left out (each listed in
    ``preview.dropped``) and those errors become warnings; errors that name no row stay (see
    desktop.core.ingest.skip)."""
    return load_file_and_plan(path, registry, recognisers, leave_out_error_rows=leave_out_error_rows)[0]


def load_file_and_plan(path: str | Path, registry: Registry | None = None, recognisers=None, *,
                       leave_out_error_rows: bool = False) -> tuple[ImportPreview, LeaveOut]:
    """:func:`load_file`, and what leaving out the rows with errors does (or, without the flag, would do)."""
    path = Path(path)
    registry = registry or default_registry()
    preview = ImportPreview(file=path.name, path=str(path), sha256="")
    plan = LeaveOut(applied=leave_out_error_rows)
    try:
        sheets = read_file(path)
        preview.sha256 = file_sha256(path)
    except (ReadError, OSError) as exc:
        # The location already names the file: the message is the reason alone (readers keep it apart).
        reason = getattr(exc, "reason", None) or (
            str(exc) if isinstance(exc, ReadError) else msg("read.os_error", error=str(exc.strerror or exc)))
        preview.problems.error("unreadable", reason, file=path.name)
        plan.blocking += 1
        return preview, plan
    recognisers = recognisers if recognisers is not None else all_recognisers()
    parts: dict[str, list[pd.DataFrame]] = {}
    origins: dict[str, list[pd.DataFrame]] = {}
    for sheet in sheets:
        scored = [(r.detect(sheet), i, r) for i, r in enumerate(recognisers)]
        score, _, best = max(scored, key=lambda t: (t[0], -t[1]))
        if score <= 0:
            preview.sheets.append(SheetPreview(sheet=sheet.sheet, recogniser="", label="", confidence=0.0))
            continue
        ctx = ParseContext(registry=registry)
        tables = best.parse(sheet, ctx)
        sp = SheetPreview(sheet=sheet.sheet, recogniser=best.name, label=best.label, confidence=score)
        parsed_rows = [frame["_row"].to_numpy() for frame in tables.values() if "_row" in frame]
        checked = {name: check_table(name, frame, sheet, ctx) for name, frame in tables.items()}
        checked, sheet_plan = leave_out_sheet(sheet, ctx, checked, parsed_rows, best.name, leave_out_error_rows)
        plan.add(sheet_plan)
        for name, frame in checked.items():
            sp.tables[name] = len(frame)
            parts.setdefault(name, []).append(frame)
            if name in SCHEMA:          # only the project's tables are stored, with their origins
                origins.setdefault(name, []).append(_origins(frame, sheet.sheet))
        preview.sheets.append(sp)
        preview.problems.extend(ctx.problems)
        preview.mappings.extend(ctx.mappings)
        preview.notes.extend(ctx.notes)
        preview.dropped.extend(ctx.dropped)
    if not any(sp.recogniser for sp in preview.sheets):
        preview.problems.error("not_recognised", msg("problem.not_recognised"), file=path.name)
        plan.blocking += 1
    for name, frames in parts.items():
        frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        preview.tables[name] = conform(name, frame) if name in SCHEMA else frame.drop(columns="_row", errors="ignore")
        if name in SCHEMA:
            preview.origins[name] = pd.concat(origins[name], ignore_index=True)
    return preview, plan


def _origins(frame: pd.DataFrame, sheet: str) -> pd.DataFrame:
    """The sheet and spreadsheet row of each row of a parsed frame (its ``_row``; NaN when it has none).
    As parsed: ``Project.write_import`` turns them into what it stores (imports.origin_columns)."""
    rows = frame["_row"].to_numpy() if "_row" in frame else np.nan
    return pd.DataFrame({"sheet": sheet or "", "row": rows}, index=pd.RangeIndex(len(frame)))


def preview_dataset(preview: ImportPreview) -> Dataset:
    """The tables of one loaded file, with its provenance."""
    return Dataset(tables=dict(preview.tables), sources=[{
        **preview.source(), "rows": preview.rows_by_table(), "years": preview.years_by_table()}])


def load_files(paths, registry: Registry | None = None, *,
               leave_out_error_rows: bool = False) -> tuple[Dataset, list[ImportPreview]]:
    """Load several files into one dataset (later files win on equal keys)."""
    registry = registry or default_registry()
    dataset = Dataset()
    previews = []
    for path in paths:
        preview = load_file(path, registry, leave_out_error_rows=leave_out_error_rows)
        previews.append(preview)
        dataset.merge(preview_dataset(preview))
    return dataset, previews
