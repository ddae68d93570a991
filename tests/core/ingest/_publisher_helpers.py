"""Shared test helper: run one recogniser on a file without the loader."""
from __future__ import annotations

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import read_file
from desktop.core.registry import default_registry


def run(recogniser, path):
    sheet = read_file(path)[0]
    ctx = ParseContext(default_registry())
    out = recogniser.parse(sheet, ctx)
    return sheet, ctx, out


def accounted(sheet, ctx, out) -> bool:
    """Every source row is imported (into some table) or listed as dropped, never both.

    Dropped entries are one per reason (``count`` rows, the first 20 listed in ``rows``).
    """
    used = set()
    for frame in out.values():
        used |= set(frame["_row"])
    listed = [r for d in ctx.dropped for r in d["rows"]]
    count = sum(d["count"] for d in ctx.dropped)
    return len(set(listed)) == len(listed) and not (used & set(listed)) and \
        len(used) + count == len(sheet.frame)


def dropped_reasons(ctx) -> dict[int, str]:
    """Reason of every listed dropped row."""
    return {r: d["reason"] for d in ctx.dropped for r in d["rows"]}
