"""Names to registry ids, the way every reader reports them.

* :func:`map_names` maps a column of mineral or country names once per
  distinct value, records one :class:`NameMapping` per distinct name and
  reports each unknown name once (:func:`report_unknown`).
* :func:`report_unknown`: one error per distinct (normalised) unknown name, at
  its first row, with the number of rows and the registry's suggestions; a
  country that is a known region or historic entity (registry
  ``region_reason``) is told so: "'United States and Canada' is a region, not
  a country; split it or leave it out".
* :func:`record_mappings`: the names that did map, with how many rows carry them.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.readers import RawSheet
from desktop.core.messages import count_rows, known_phrase, msg, term
from desktop.core.registry.normalise import normalise_name


def _distinct(raw: pd.Series, rows) -> pd.DataFrame:
    """Per distinct normalised name: first spelling, first row, number of distinct rows."""
    raw = pd.Series(raw).reset_index(drop=True)
    frame = pd.DataFrame({"key": raw.map(normalise_name).to_numpy(), "raw": raw.to_numpy(),
                          "row": np.asarray(rows, dtype="int64")})
    frame = frame.sort_values("row", kind="stable")
    g = frame.groupby("key", sort=False)
    return pd.DataFrame({"raw": g["raw"].first(), "row": g["row"].first(), "count": g["row"].nunique()})


def report_unknown(ctx: ParseContext, sheet: RawSheet, kind: str, raw: pd.Series, rows, column: str) -> None:
    """One error per distinct unknown name (see the module docstring); also recorded as unmapped."""
    if len(raw) == 0:
        return
    reg = ctx.registry
    for _, (name, row, count) in _distinct(raw, rows).iterrows():
        shown = str(name).strip()
        n = count_rows(int(count))
        region = reg.region_reason(name) if kind == "country" else None
        if region:
            text = msg("problem.region_not_country", name=shown, region=known_phrase("region", region), rows=n)
            expected = msg("expected.single_country")
        else:
            hints = reg.suggest(kind, name)
            text = (msg("problem.unknown_name_hint", kind=term("kind", kind), name=shown, rows=n, hints=hints)
                    if hints else msg("problem.unknown_name", kind=term("kind", kind), name=shown, rows=n))
            expected = msg("expected.known_name", kind=term("kind", kind))
        ctx.problems.error(f"unknown_{kind}", text, file=sheet.file, sheet=sheet.sheet, row=int(row),
                           column=column, value=shown, expected=expected)
        ctx.mappings.append(NameMapping(kind=kind, raw=shown, target="", confidence=0.0, rows=int(count)))


def record_mappings(ctx: ParseContext, kind: str, raw: pd.Series, ids: pd.Series, rows=None) -> None:
    """One NameMapping per distinct (name, id) pair that mapped, with its number of distinct rows.

    Works on factorized codes: a 500,000-row file has a few hundred distinct names.
    """
    ids = np.asarray(ids, dtype=object)
    ok = pd.notna(ids)
    if not ok.any():
        return
    codes, uniques = pd.factorize(pd.Series(np.asarray(raw, dtype=object)[ok]), use_na_sentinel=True)
    targets = ids[ok]
    row_ids = np.asarray(rows)[ok].astype(np.int64) if rows is not None else np.arange(len(codes))
    # Distinct (name, row) pairs: a melted wide table repeats a row once per year column.
    span = int(row_ids.max()) + 1 if len(row_ids) else 1
    pair = np.sort(codes.astype(np.int64) * span + row_ids)   # np.unique is slow on 500k int64 here
    pair = pair[np.r_[True, pair[1:] != pair[:-1]]]
    counts = np.bincount(pair // span, minlength=len(uniques))
    first = np.full(len(uniques), -1)
    first[codes[::-1]] = np.arange(len(codes))[::-1]   # first position of each code
    for code, name in enumerate(uniques):
        ctx.mappings.append(NameMapping(kind=kind, raw=str(name).strip(), target=str(targets[first[code]]),
                                        confidence=1.0, rows=int(counts[code])))


def map_names(ctx: ParseContext, sheet: RawSheet, kind: str, names: pd.Series, rows, column: str,
              skip: pd.Series | None = None, report: bool = True) -> pd.Series:
    """Registry ids for ``names`` (None where unknown or blank); mappings and unknown names recorded.

    ``skip`` marks rows handled elsewhere (e.g. regions, left out with a
    reason); ``report=False`` records the names that mapped and leaves the
    unknown ones to the caller (who reports them with :func:`report_unknown`).
    """
    reg = ctx.registry
    mapped = reg.map_minerals(names) if kind == "mineral" else reg.map_countries(names)
    consider = names.notna() & (names.astype(str).str.strip() != "")
    if skip is not None:
        consider &= ~skip
    rows = pd.Series(np.asarray(rows), index=names.index)
    known = consider & mapped.notna()
    record_mappings(ctx, kind, names[known], mapped[known], rows[known].to_numpy())
    unknown = consider & mapped.isna()
    if report and unknown.any():
        report_unknown(ctx, sheet, kind, names[unknown], rows[unknown].to_numpy(), column)
    return mapped
