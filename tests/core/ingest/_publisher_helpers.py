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
    """Every source row is imported (into some table) or listed as dropped, never both."""
    used = set()
    for frame in out.values():
        used |= set(frame["_row"])
    dropped = [d["row"] for d in ctx.dropped]
    return len(set(dropped)) == len(dropped) and not (used & set(dropped)) and \
        len(used) + len(dropped) == len(sheet.frame)
