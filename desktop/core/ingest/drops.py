"""Rows left out of an import, each with its reason (``ParseContext.dropped``).

Every reader accounts for every source row: rows read = rows imported + rows
dropped.  One entry is recorded per sheet and reason (per call), so a file
with 300,000 rows of an unmapped HS code gives one entry, not 300,000::

    {"file", "sheet", "row": first row, "reason", "count", "rows": first 20 rows, **extra}
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.readers import RawSheet

LISTED_ROWS = 20   # rows named in one entry; ``count`` has them all


def drop_rows(ctx: ParseContext, sheet: RawSheet, rows, reasons, **extra) -> None:
    """Record left-out spreadsheet ``rows``; ``reasons`` is one text or one text per row.

    Rows sharing a reason become one entry (in order of first appearance);
    ``extra`` fields (e.g. ``column=``, ``hs6=``) are copied into every entry.
    """
    rows = np.asarray(rows, dtype="int64").ravel()
    if len(rows) == 0:
        return
    if isinstance(reasons, str):
        groups = [(reasons, rows)]
    else:
        why = pd.Series(np.asarray(reasons, dtype=object).ravel()).astype(str)
        groups = [(reason, rows[idx]) for reason, idx in why.groupby(why, sort=False).indices.items()]
    for reason, group in groups:
        listed = np.unique(group)
        entry = {"file": sheet.file, "sheet": sheet.sheet, "row": int(listed[0]), "reason": str(reason),
                 "count": int(len(group)), "rows": [int(r) for r in listed[:LISTED_ROWS]]}
        entry.update(extra)
        ctx.dropped.append(entry)
