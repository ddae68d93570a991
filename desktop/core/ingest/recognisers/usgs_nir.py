"""USGS MCS net import reliance (``MCS2025_Fig2_Net_Import_Reliance.csv``): NIR and the major import sources.

The table behind the summary volume's Figure 2: one row per commodity with ``Source, Import_Share_Order,
Commodity, Net_Import_Reliance_pct_<year>, Major_Import_Sources_<first>_<last>, Notes``.  NIR is a percentage
of apparent consumption, printed as a number (``76``), a bound (``>95``, ``<25``) or ``E`` (net exporter); the
sources are country names in descending order of import share (``China, Morocco, Malaysia, Belgium``; a
footnote digit may stick to a name: ``China3``).  Recognised by its columns, whatever the file is called.

Output ``usgs_nir`` (publisher data beside the computed D and import sources of the USA): mineral, country
``USA``, year (of the NIR column), nir 0..1 with its state (``>95`` → 0.95, state ``>``), ``import_sources``
(ISO3 codes ';'-joined in the published order) and ``note`` (the commodity as published, the years of the
sources and the publisher's note).

Commodities map to registry minerals by the whole name, then name and qualifier (``MICA (NATURAL), sheet`` →
'mica sheet' → mica_sheet), then the name before the comma.  USGS lists some minerals in two forms (titanium
sponge metal and mineral concentrates, industrial diamond stones and dust): the row that names the mineral
itself is kept (TITANIUM, sponge metal: the registry's titanium is the metal; FELDSPAR rather than NEPHELINE
SYENITE), then the one matched more exactly, then the first (the higher NIR); the other is left out with a
reason naming the row kept.  A commodity
the registry does not know is left out with a warning; so is a source name that is not a country (the rest of
the row is kept).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.ingest.base import NameMapping, ParseContext
from desktop.core.ingest.columns import is_blank
from desktop.core.ingest.drops import drop_rows
from desktop.core.ingest.headers import header_map
from desktop.core.ingest.readers import RawSheet
from desktop.core.messages import Message, msg
from desktop.core.registry import Registry
from desktop.core.values import parse_values

_NIR = re.compile(r"^net_import_reliance(?:_pct)?_(\d{4})$")
_SOURCES = re.compile(r"^major_import_sources(?:_(\d{4}))?(?:_(\d{4}))?$")
_FOOTNOTE = re.compile(r"(?<=[A-Za-z)])\d+$")        # 'China3' → 'China'


def _columns(headers: dict[str, str]) -> tuple[str | None, str | None, int | None, str]:
    """(NIR column, sources column, NIR year, years of the sources) of a sheet's :func:`header_map`, or Nones."""
    nir = sources = None
    year, span = None, ""
    for key, header in headers.items():
        m = _NIR.match(key)
        if m and nir is None:
            nir, year = header, int(m.group(1))
        m = _SOURCES.match(key)
        if m and sources is None:
            sources = header
            span = "–".join(g for g in m.groups() if g)
    return nir, sources, year, span


class USGSNirRecogniser:
    name = "usgs_nir"
    label = Message("recogniser.usgs_nir")

    def detect(self, sheet: RawSheet) -> float:
        headers = header_map(sheet.frame.columns)
        nir, sources, _, _ = _columns(headers)
        if "commodity" not in headers or nir is None:
            return 0.0
        return 0.95 if sources is not None else 0.85

    def parse(self, sheet: RawSheet, ctx: ParseContext) -> dict[str, pd.DataFrame]:
        frame = sheet.frame
        rows = sheet.excel_rows().to_numpy()
        headers = header_map(frame.columns)
        c_comm = headers["commodity"]
        c_nir, c_src, year, span = _columns(headers)
        c_notes = headers.get("notes") or headers.get("note")
        commodity = frame[c_comm].map(lambda v: "" if is_blank(v) else " ".join(str(v).split()))
        blank = (commodity == "").to_numpy()
        if blank.any():
            drop_rows(ctx, sheet, rows[blank], msg("drop.empty_row"))

        ids, quality = _match_minerals(commodity, ctx.registry)
        unknown = ~blank & np.array([mineral_id is None for mineral_id in ids], dtype=bool)
        for i in np.flatnonzero(unknown):
            ctx.problems.warning("unknown_mineral", msg("problem.nir_unknown_commodity"), file=sheet.file,
                                 sheet=sheet.sheet, row=int(rows[i]), column=c_comm, value=commodity.iloc[i],
                                 expected=msg("expected.known_name", kind=msg("kind.mineral")))
        if unknown.any():
            drop_rows(ctx, sheet, rows[unknown], msg("drop.unknown_mineral_see"))
        keep = ~blank & ~unknown
        _keep_one_row_per_mineral(keep, ids, quality, commodity, rows, ctx, sheet)

        numbers, states, bad = parse_values(frame[c_nir])
        bad &= keep
        for i in np.flatnonzero(bad)[:20]:
            ctx.problems.warning("not_a_number", msg("problem.cell_left_out"), file=sheet.file, sheet=sheet.sheet,
                                 row=int(rows[i]), column=c_nir, value=str(frame[c_nir].iloc[i]),
                                 expected=msg("expected.number_w_na_e_bound"))
        if bad.any():
            drop_rows(ctx, sheet, rows[bad], msg("drop.no_salient_value"))
        keep &= ~bad
        idx = np.flatnonzero(keep)
        if len(idx) == 0:
            return {}

        named = [_source_countries(frame[c_src].iloc[i] if c_src else None, ctx, sheet, int(rows[i]), c_src)
                 for i in idx]
        sources = [";".join(dict.fromkeys(code for _, code in pairs)) for pairs in named]
        _record_source_mappings(named, ctx)
        notes = [_row_note(frame, i, commodity.iloc[i], c_src, c_notes, span) for i in idx.tolist()]
        out = pd.DataFrame({"mineral": ids[idx], "country": "USA", "year": year,
                            # USGS prints percentages without the % sign: 76 means 76 % → 0.76
                            "nir": numbers[idx] / 100.0, "nir_state": states[idx],
                            "import_sources": sources, "note": notes, "_row": rows[idx]})
        ctx.notes.append(msg("note.usgs_nir", file=sheet.file, minerals=len(out), year=year, span=span or "–"))
        return {"usgs_nir": out.sort_values("mineral", kind="stable").reset_index(drop=True)}


def _source_countries(raw, ctx: ParseContext, sheet: RawSheet, row: int, column: str | None) -> list[tuple[str, str]]:
    """(name, ISO3 code) of each published source name that is a country, in order (a footnote digit taken
    off the name); a name that is not a country is warned about."""
    if is_blank(raw):
        return []
    names = [_FOOTNOTE.sub("", n.strip()).strip() for n in str(raw).split(",")]
    names = [n for n in names if n]
    codes = ctx.registry.map_countries(pd.Series(names, dtype=object)).tolist()
    out = []
    for name, code in zip(names, codes):
        if is_blank(code):
            ctx.problems.warning("unknown_country", msg("problem.nir_unknown_source"), file=sheet.file,
                                 sheet=sheet.sheet, row=row, column=column, value=name,
                                 expected=msg("expected.known_name", kind=msg("kind.country")))
            continue
        out.append((name, str(code)))
    return out


def _match_minerals(commodity: pd.Series, registry: Registry) -> tuple[np.ndarray, np.ndarray]:
    """(mineral id or None, how exactly it matched) per commodity: the first of the whole name, name and
    qualifier (both orders), the name before the comma, that name without brackets, that the registry knows;
    quality is that candidate's position (0 best), or -1 when it is the mineral's own id or name."""
    ids = np.full(len(commodity), None, dtype=object)
    quality = np.full(len(commodity), 9, dtype=np.int64)
    for i, name in enumerate(commodity):
        if not name:
            continue
        head, _, qual = name.partition(",")
        base = re.sub(r"\s*\([^)]*\)", "", head).strip()
        qual = qual.strip()
        for rank, candidate in enumerate((name, f"{base} {qual}" if qual else "", f"{qual} {base}" if qual else "",
                                          head.strip(), base)):
            mineral_id = registry.mineral_id(candidate) if candidate else None
            if mineral_id:
                # the mineral's own name (FELDSPAR, TITANIUM) beats an alias (NEPHELINE SYENITE → feldspar)
                own = candidate.casefold() in (mineral_id.casefold(), registry.mineral_name(mineral_id).casefold())
                ids[i], quality[i] = mineral_id, -1 if own else rank
                break
    return ids, quality


def _keep_one_row_per_mineral(keep: np.ndarray, ids: np.ndarray, quality: np.ndarray, commodity: pd.Series,
                              rows: np.ndarray, ctx: ParseContext, sheet: RawSheet) -> None:
    """USGS lists some minerals in two forms: of the kept rows (``keep``, changed in place) of a mineral the
    exact match is kept, then the first; the others are left out naming the row kept.  Each row kept is
    recorded as a mapping."""
    order = sorted(np.flatnonzero(keep).tolist(), key=lambda i: (ids[i], quality[i], i))
    kept_for: dict[str, int] = {}
    for i in order:
        if ids[i] in kept_for:
            j = kept_for[ids[i]]
            drop_rows(ctx, sheet, rows[i:i + 1], msg("drop.nir_second_form", mineral=ids[i],
                                                     kept=commodity.iloc[j], row=int(rows[j])))
            keep[i] = False
        else:
            kept_for[ids[i]] = i
    for i in kept_for.values():
        ctx.mappings.append(NameMapping(kind="mineral", raw=commodity.iloc[i], target=ids[i], confidence=1.0,
                                        rows=1))


def _record_source_mappings(named: list[list[tuple[str, str]]], ctx: ParseContext) -> None:
    """One country mapping per distinct (source name, code) of the rows kept (``named``: each row's
    :func:`_source_countries`), with how many times the names are given."""
    pairs = pd.DataFrame([pair for pairs in named for pair in pairs], columns=["n", "c"])
    for (name, code), count in pairs.value_counts(sort=False).items():
        ctx.mappings.append(NameMapping(kind="country", raw=str(name), target=str(code), confidence=1.0,
                                        rows=int(count)))


def _row_note(frame: pd.DataFrame, i: int, commodity: str, c_src: str | None, c_notes: str | None,
              span: str) -> str:
    """The note of row ``i``: the commodity as published, the sources as published, the publisher's note."""
    parts = [commodity]
    if c_src:
        raw = frame[c_src].iloc[i]
        parts.append(f"major import sources {span}: {'' if is_blank(raw) else ' '.join(str(raw).split())}")
    extra = frame[c_notes].iloc[i] if c_notes else None
    if not is_blank(extra):
        parts.append(" ".join(str(extra).split()))
    return "; ".join(parts)


RECOGNISERS = [USGSNirRecogniser()]
