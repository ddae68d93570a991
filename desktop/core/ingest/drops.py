"""Rows left out of an import, each with its reason (``ParseContext.dropped``).

Every reader accounts for every source row: rows read = rows imported + rows
dropped.  One entry is recorded per sheet and reason (per call), so a file
with 300,000 rows of an unmapped HS code gives one entry, not 300,000::

    {"file", "sheet", "row": first row, "reason", "reason_code", "params", "count",
     "rows": first 20 rows, **extra}

``reason`` is the English text; ``reason_code`` and ``params`` are its catalogue
entry (desktop.core.messages), so :func:`reason_text` can show it in Chinese.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.distinct import map_unique
from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.messages import known_phrase, msg, text

LISTED_ROWS = 20   # rows named in one entry; ``count`` has them all


def drop_rows(ctx: ParseContext, sheet: RawSheet, rows, reasons, **extra) -> None:
    """Record left-out spreadsheet ``rows``; ``reasons`` is one Message or one Message per row.

    Rows sharing a reason become one entry (in order of first appearance);
    ``extra`` fields (e.g. ``column=``, ``hs6=``) are copied into every entry.
    """
    rows = np.asarray(rows, dtype="int64").ravel()
    if len(rows) == 0:
        return
    if isinstance(reasons, str):
        groups = [(reasons, rows)]
    else:
        why = pd.Series(np.asarray(reasons, dtype=object).ravel())
        by_text = why.astype(str)
        # the Message of each distinct text is its first row's
        groups = [(why.iloc[idx[0]], rows[idx]) for idx in by_text.groupby(by_text, sort=False).indices.values()]
    for reason, group in groups:
        listed = np.unique(group)
        entry = {"file": sheet.file, "sheet": sheet.sheet, "row": int(listed[0]), "reason": str(reason),
                 "reason_code": getattr(reason, "code", ""), "params": dict(getattr(reason, "params", {})),
                 "count": len(group), "rows": [int(r) for r in listed[:LISTED_ROWS]]}
        entry.update(extra)
        ctx.dropped.append(entry)


def reason_text(entry: dict, lang: str = "en") -> str:
    """The reason of a ``dropped`` entry in ``lang`` (its English ``reason`` when it has no code)."""
    code = entry.get("reason_code")
    return text(code, entry.get("params"), lang) if code else str(entry.get("reason", ""))


def first_reason(rules, default) -> np.ndarray:
    """Per row the reason of the first ``(mask, reason)`` rule whose mask is true, else ``default``.

    A reason is one Message or one per row; the result is an object array, so the
    Messages stay Messages (``np.where`` would turn them into plain numpy strings)."""
    masks = [np.asarray(mask, dtype=bool) for mask, _ in rules]
    out = np.empty(len(masks[0]), dtype=object)
    out.fill(default)                  # np.full would copy a Message as a plain str
    for mask, (_, reason) in reversed(list(zip(masks, rules))):
        out[mask] = reason if isinstance(reason, str) else np.asarray(reason, dtype=object)[mask]
    return out


def region_reasons(names: pd.Series, regions: pd.Series) -> pd.Series:
    """Per row "'<name>' is <registry reason>" (a Message) where ``regions`` holds the registry's
    reason (Registry.map_regions), else None; one Message per distinct name and reason."""
    key = (names.astype(str) + "\x1f" + regions.astype(str)).where(regions.notna())

    def reason(k):
        if k is None:
            return None
        name, region = k.split("\x1f", 1)
        return msg("drop.region", name=name, region=known_phrase("region", region))
    return map_unique(key, reason)
