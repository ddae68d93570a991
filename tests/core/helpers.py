"""Small builders of template files, shared by core tests (store, export, chain, alerts, the ingest readers) and e2e."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from desktop.core.ingest.load import load_file
from desktop.core.ingest.recognisers.template import RECOGNISERS as TEMPLATE


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def load_template(path: Path, registry=None):
    """Load with the template recogniser only (the foundation's own format)."""
    return load_file(path, registry, recognisers=TEMPLATE)


def codes(preview) -> list[str]:
    return [p.code for p in preview.problems]
