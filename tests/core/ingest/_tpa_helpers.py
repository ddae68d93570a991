"""Test helper for the trade/price/analyst recognisers: every real file's sheets, read once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from desktop.core.ingest.readers import read_file


@lru_cache(maxsize=1)
def all_real_sheets(root: str) -> tuple[tuple[str, object], ...]:
    """(relative path, RawSheet) for every CSV/XLSX under the shared data folder."""
    base = Path(root)
    out = []
    for path in sorted(base.rglob("*")):
        if path.suffix.lower() not in (".csv", ".xlsx"):
            continue
        for sheet in read_file(path):
            out.append((path.relative_to(base).as_posix(), sheet))
    return tuple(out)
