"""Import sources — who supplies the assessed country (issue 9, item 7).

From bilateral trade converted to the production's basis (:mod:`.trade_content`: the dataset's ``trade`` table by
HS code and the content factors), for the assessed country c, each mineral m and year t, with partners j ≠ c:

    q_j   = Σ_k f_k · q(j → c, k)              imports from j, over the HS codes k with a factor f_k
    s_j   = q_j / Σ_i q_i                      j's share of c's imports (0..1); rank 1 = the largest
    HHI   = Σ_j s_j²                           import concentration (1 = a single partner)
    top-n = Σ of the n largest s_j             (``top_n``, default 3), and the partners named in order
    H     = Σ_{j: Γ_j ≥ level} s_j             share of imports from partners whose governance risk Γ is at or
                                               above ``risk_level`` (default 0.5: Γ of 0.5 is a country whose six
                                               WGI estimates are all 0, the world's mean)
    coverage = Σ_{j: Γ_j known} s_j            the share H could look at

Γ is the engine's governance table (0 best … 1 worst, METHODS §2.3) for the partner and year; a partner without
a value that year takes its latest earlier one (flag ``gamma_carried_forward``); without any, it is not counted in
H and lowers the coverage (flag ``gamma_missing``).

Where the quantities come from, per mineral and year:

* the ``trade`` table in content (status ``used`` codes of trade_content; in tonnes of the factor's own basis
  when the production states no basis: a share needs one basis, not the production's); codes without a factor
  are left out and named (flag ``trade_codes_left_out``), mixed headings named (``trade_mixed_heading``);
* a mineral none of whose traded codes has a factor: the gross weight of all its codes, flag ``gross_weight``
  (a share of one product's tonnes is exact for that product; of several, an approximation);
* a mineral the ``trade`` table lacks but ``trade_flows`` has: its quantities as given (the template's sheet is
  in the basis the analyst chose), flag ``trade_flows_as_given``.

Counts the reference paper reports ("32 of its critical minerals are imported partly from China, 26 with China as
the largest source"), per year and partner X, over the minerals M with imports that year (``minerals`` narrows M
to a list):

    imported_from(X)     = #{m ∈ M : s_X(m) > 0}
    largest_source(X)    = #{m ∈ M : X has rank 1}
    largest_producer(X)  = #{m ∈ M : X has the largest share of world production of m's primary stage}

``compute_import_sources`` returns the tables ``import_sources`` (one row per partner), ``import_concentration``
(one row per mineral and year: HHI, top partners, H) and ``import_partner_counts``; without an assessed country
nothing is computed (a note says so).  With the publisher's net import reliance and major import sources of the
assessed country in the dataset (``usgs_nir``, USGS MCS Fig. 2), ``import_sources_usgs`` sets them beside the
computed D of the NIR's year and the computed partners over the years of the publisher's sources (the shares of
the imports summed over those years; ``usgs_in_top`` = how many of the publisher's partners are among as many
largest computed ones).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from desktop.core.messages import msg
from desktop.core.metrics.flags import detail_flag, join_flags
from desktop.core.metrics.states import text_column
from desktop.core.registry import AGGREGATES
# pandas-free, so that the Parameters dock can make them on the GUI thread; re-exported here
from desktop.core.metrics.import_source_params import ImportSourceParams  # noqa: F401
from desktop.core.metrics.trade_content import USED, TradeContent

SOURCE_COLUMNS = ["mineral", "country", "year", "partner", "rank", "imports", "share", "gamma", "gamma_year",
                  "high_risk", "unit", "basis", "flag"]
CONCENTRATION_COLUMNS = ["mineral", "country", "year", "partners", "imports", "unit", "basis", "top1_partner",
                         "top1_share", "topk_share", "top_partners", "HHI", "high_risk_share", "gamma_coverage",
                         "risk_level", "largest_producer", "flag"]
USGS_COLUMNS = ["mineral", "country", "usgs_year", "usgs_nir", "usgs_nir_state", "usgs_import_sources",
                "sources_years", "computed_partners", "usgs_in_top", "D", "D_flag", "usgs_note"]
COUNT_COLUMNS = ["country", "year", "partner", "imported_from", "largest_source", "largest_producer", "minerals",
                 "minerals_with_production", "imported_from_minerals", "largest_source_minerals",
                 "largest_producer_minerals"]
PRIMARY_STAGES = ("mine", "")





def compute_import_sources(conv: TradeContent | None, dataset_tables: dict, core_tables: dict, country: str | None,
                           params: ImportSourceParams | None = None, years: tuple[int, int] | None = None
                           ) -> tuple[dict[str, pd.DataFrame], list]:
    """The import-source tables of the assessed country: partners' shares, concentration and partner counts.

    Per mineral and year, partner j's share s_j = q_j / Σ_i q_i of the country's imports, HHI = Σ s_j², the
    top-n share, the high-risk share H = Σ_{j: Γ_j ≥ level} s_j and its coverage (see the module docstring).

    Parameters
    ----------
    conv : TradeContent or None
        :func:`trade_content.convert` for ``country`` (the ``trade`` table in the production's basis);
        None = no ``trade`` table.
    dataset_tables : dict of DataFrames
        The input tables: ``trade_flows`` (for the minerals ``conv`` lacks) and ``usgs_nir``.
    core_tables : dict of DataFrames
        The engine's governance and production_shares (Γ, the largest producer), and import_dependency
        (the D set beside the publisher's NIR).
    country : str or None
        The assessed country (ISO3, upper-cased); None or empty: nothing is computed (a note says so).
    params : ImportSourceParams, optional
        ``risk_level``, ``top_n`` and ``minerals`` (the list the counts run over); None = the defaults.
    years : tuple of (int, int), optional
        The analysis period (first, last), inclusive: narrows the trade years; None = every year.

    Returns
    -------
    tuple of (dict of DataFrames, list)
        ({table: frame}, notes).  The tables: ``import_sources`` (one row per partner:
        :data:`SOURCE_COLUMNS`; flags ``gamma_carried_forward:<year>``, ``gamma_missing``),
        ``import_concentration`` (one row per mineral and year: :data:`CONCENTRATION_COLUMNS`; flags
        ``gross_weight``, ``trade_flows_as_given``, ``trade_codes_left_out:<codes>``,
        ``trade_mixed_heading:<codes>``, ``gamma_carried_forward``, ``gamma_missing``),
        ``import_partner_counts`` (:data:`COUNT_COLUMNS`) and, with the publisher's ``usgs_nir`` rows of the
        country, ``import_sources_usgs`` (:data:`USGS_COLUMNS`).  No trade at all: ({}, []).  The notes are
        messages for the problem list.
    """
    params = params or ImportSourceParams()
    trade_flows = dataset_tables.get("trade_flows")
    has_trade = conv is not None or (trade_flows is not None and len(trade_flows))
    if not has_trade:
        return {}, []
    if not country:
        return {}, [msg("metrics.import_sources_need_country")]
    country = str(country).strip().upper()
    flows, flags = _flows(conv, trade_flows, country)
    if years is not None and len(flows):
        flows = flows[flows["year"].between(*years)]
    sources = _sources(flows, flags, country, core_tables.get("governance"), params)
    producers = _largest_producers(core_tables.get("production_shares"))
    concentration = _concentration(sources, flags, producers, country, params)
    counts = _counts(concentration, sources, producers, country, params)
    out = {"import_sources": sources, "import_concentration": concentration, "import_partner_counts": counts}
    usgs = _beside_usgs(dataset_tables.get("usgs_nir"), sources, core_tables.get("import_dependency"), country)
    if usgs is not None:
        out["import_sources_usgs"] = usgs
    notes = []
    if len(concentration):
        notes.append(msg("metrics.import_sources", country=country, minerals=int(concentration["mineral"].nunique()),
                         years=f"{int(concentration['year'].min())}–{int(concentration['year'].max())}"))
    else:
        notes.append(msg("metrics.no_import_sources", country=country))
    return out, notes


# -- the partners' quantities ------------------------------------------------------------------------

def _flows(conv: TradeContent | None, trade_flows: pd.DataFrame | None, country: str
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mineral, year, partner, q, unit, basis) of the country's imports, and per (mineral, year) the flags."""
    parts, flag_parts = [], []
    covered: set[str] = set()
    if conv is not None and len(conv.imports):
        imp = conv.imports
        covered = set(imp["mineral"])
        usable = (imp["status"] == USED).to_numpy() & np.isfinite(imp["content"].to_numpy(dtype=float))
        imp = imp.assign(_used=usable)
        g = imp.groupby(["mineral", "year"], sort=False)
        any_used = g["_used"].transform("any").to_numpy(dtype=bool)
        content = imp[usable]
        gross = imp[~any_used]                       # no code converts: gross weight of all codes
        parts.append(content.groupby(["mineral", "year", "partner"], sort=False).agg(
            q=("content", "sum"), unit=("unit", "first"), basis=("basis", "first")).reset_index())
        if len(gross):
            parts.append(gross.groupby(["mineral", "year", "partner"], sort=False)["gross_t"].sum(min_count=1)
                         .rename("q").reset_index().assign(unit="t gross weight", basis=""))
        # the flags of each mineral-year: codes left out (with trade from some partner), mixed headings
        left = imp[any_used & ~usable & (imp["gross_t"].fillna(0) > 0)]
        mixed = imp[usable & (imp["mixed"] != "")]
        fl = pd.DataFrame({"mineral": imp["mineral"], "year": imp["year"]}).drop_duplicates()
        fl = fl.merge(left.groupby(["mineral", "year"])["hs_code"].agg(_join).rename("left").reset_index(),
                      on=["mineral", "year"], how="left")
        fl = fl.merge(mixed.groupby(["mineral", "year"])["hs_code"].agg(_join).rename("mixed").reset_index(),
                      on=["mineral", "year"], how="left")
        fl["gross"] = fl.merge(pd.DataFrame({"mineral": imp["mineral"], "year": imp["year"], "g": ~any_used})
                               .groupby(["mineral", "year"])["g"].all().reset_index(),
                               on=["mineral", "year"], how="left")["g"].to_numpy(dtype=bool)
        flag_parts.append(fl)
    if trade_flows is not None and len(trade_flows):
        tf = trade_flows
        sel = (text_column(tf, "importer") == country).to_numpy() & ~text_column(tf, "mineral").isin(covered).to_numpy()
        tf = tf[sel]
        if len(tf):
            f = pd.DataFrame({"mineral": text_column(tf, "mineral").to_numpy(dtype=object),
                              "year": pd.to_numeric(tf["year"], errors="coerce").to_numpy(dtype=float),
                              "partner": text_column(tf, "exporter").to_numpy(dtype=object),
                              "q": pd.to_numeric(tf["quantity_t"], errors="coerce").to_numpy(dtype=float)})
            f = f[np.isfinite(f["year"].to_numpy())].astype({"year": np.int64})
            parts.append(f.groupby(["mineral", "year", "partner"], sort=False)["q"].sum(min_count=1).reset_index()
                         .assign(unit="t (as given)", basis=""))
            flag_parts.append(f[["mineral", "year"]].drop_duplicates().assign(left=np.nan, mixed=np.nan,
                                                                              gross=False, as_given=True))
    cols = ["mineral", "year", "partner", "q", "unit", "basis"]
    flows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
    flows = flows[~flows["partner"].isin(AGGREGATES + (country,)) & (flows["q"].fillna(0) > 0)]
    flags = pd.concat(flag_parts, ignore_index=True) if flag_parts else \
        pd.DataFrame(columns=["mineral", "year", "left", "mixed", "gross", "as_given"])
    if "as_given" not in flags:
        flags["as_given"] = False
    flags["as_given"] = flags["as_given"].eq(True)
    flags["gross"] = flags["gross"].eq(True)
    return flows.reset_index(drop=True)[cols], flags


def _join(codes) -> str:
    return "|".join(sorted(dict.fromkeys(codes)))


def _gamma(governance: pd.DataFrame | None, partners: pd.DataFrame) -> pd.DataFrame:
    """Γ of each (partner, year): that year's, else the latest earlier one; gamma_year says which."""
    if governance is None or len(governance) == 0 or len(partners) == 0:
        return partners.assign(gamma=np.nan, gamma_year=np.nan)
    g = pd.DataFrame({"partner": text_column(governance, "country").to_numpy(dtype=object),
                      "gyear": pd.to_numeric(governance["year"], errors="coerce").to_numpy(dtype=float),
                      "gamma": pd.to_numeric(governance["gamma"], errors="coerce").to_numpy(dtype=float)})
    g = g[np.isfinite(g["gamma"].to_numpy()) & np.isfinite(g["gyear"].to_numpy())].sort_values("gyear")
    g["gamma_year"] = g["gyear"]
    left = partners.assign(gyear=partners["year"].astype(float)).sort_values("gyear")
    m = pd.merge_asof(left, g, on="gyear", by="partner", direction="backward")   # the latest year ≤ the trade year
    return m[["partner", "year", "gamma", "gamma_year"]]


def _sources(flows: pd.DataFrame, flags: pd.DataFrame, country: str, governance, params: ImportSourceParams
             ) -> pd.DataFrame:
    if len(flows) == 0:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    f = flows.copy()
    total = f.groupby(["mineral", "year"])["q"].transform("sum").to_numpy(dtype=float)
    f["share"] = f["q"].to_numpy(dtype=float) / total
    f = f.sort_values(["mineral", "year", "q", "partner"], ascending=[True, True, False, True], kind="stable")
    f["rank"] = f.groupby(["mineral", "year"]).cumcount() + 1
    gam = _gamma(governance, f[["partner", "year"]].drop_duplicates())
    f = f.merge(gam, on=["partner", "year"], how="left")
    gamma = f["gamma"].to_numpy(dtype=float)
    gyear = f["gamma_year"].to_numpy(dtype=float)
    f["high_risk"] = np.where(np.isfinite(gamma), gamma >= params.risk_level, None)
    flag = np.full(len(f), "", dtype=object)
    carried = np.isfinite(gyear) & (gyear < f["year"].to_numpy(dtype=float))
    flag[carried] = ["gamma_carried_forward:" + str(int(y)) for y in gyear[carried]]
    flag[~np.isfinite(gamma)] = "gamma_missing"
    f["flag"] = flag
    f["gamma_year"] = pd.array(np.where(np.isfinite(gyear), gyear, np.nan)).astype("Int64")
    f["country"] = country
    return f.rename(columns={"q": "imports"})[SOURCE_COLUMNS].reset_index(drop=True)


def _largest_producers(shares: pd.DataFrame | None) -> pd.DataFrame:
    """(mineral, year, largest_producer) on each mineral's primary stage (mine, else '', else the first)."""
    cols = ["mineral", "year", "largest_producer"]
    if shares is None or len(shares) == 0:
        return pd.DataFrame(columns=cols)
    s = pd.DataFrame({"mineral": text_column(shares, "mineral").to_numpy(dtype=object),
                      "year": pd.to_numeric(shares["year"], errors="coerce").to_numpy(dtype=float),
                      "stage": text_column(shares, "stage").to_numpy(dtype=object),
                      "country": text_column(shares, "country").to_numpy(dtype=object),
                      "share": pd.to_numeric(shares["share"], errors="coerce").to_numpy(dtype=float)})
    s = s[~s["country"].isin(AGGREGATES) & np.isfinite(s["share"].to_numpy()) & np.isfinite(s["year"].to_numpy())]
    rank = s["stage"].map(lambda x: PRIMARY_STAGES.index(x) if x in PRIMARY_STAGES else len(PRIMARY_STAGES))
    first = s.assign(_r=rank.to_numpy()).sort_values(["mineral", "_r", "stage"], kind="stable") \
        .drop_duplicates("mineral")[["mineral", "stage"]]
    s = s.merge(first, on=["mineral", "stage"])
    top = s.sort_values(["mineral", "year", "share", "country"], ascending=[True, True, False, True],
                        kind="stable").drop_duplicates(["mineral", "year"])
    return top.rename(columns={"country": "largest_producer"}).astype({"year": np.int64})[cols]


def _concentration(sources: pd.DataFrame, flags: pd.DataFrame, producers: pd.DataFrame, country: str,
                   params: ImportSourceParams) -> pd.DataFrame:
    if len(sources) == 0:
        return pd.DataFrame(columns=CONCENTRATION_COLUMNS)
    s = sources
    share = s["share"].to_numpy(dtype=float)
    gamma = s["gamma"].to_numpy(dtype=float)
    s = s.assign(_sq=share ** 2, _risk=np.where(np.isfinite(gamma) & (gamma >= params.risk_level), share, 0.0),
                 _cov=np.where(np.isfinite(gamma), share, 0.0), _top=np.where(s["rank"] <= params.top_n, share, 0.0),
                 _carried=s["flag"].str.startswith("gamma_carried_forward"), _missing=s["flag"] == "gamma_missing")
    g = s.groupby(["mineral", "year"], sort=True)
    out = g.agg(partners=("partner", "size"), imports=("imports", "sum"), unit=("unit", "first"),
                basis=("basis", "first"), HHI=("_sq", "sum"), high_risk_share=("_risk", "sum"),
                gamma_coverage=("_cov", "sum"), topk_share=("_top", "sum"), carried=("_carried", "any"),
                missing=("_missing", "any")).reset_index()
    first = s[s["rank"] == 1].set_index(["mineral", "year"])
    idx = pd.MultiIndex.from_frame(out[["mineral", "year"]])
    out["top1_partner"] = first["partner"].reindex(idx).to_numpy(dtype=object)
    out["top1_share"] = first["share"].reindex(idx).to_numpy(dtype=float)
    top = s[s["rank"] <= params.top_n]          # sorted by mineral, year and rank already
    words = pd.Series([f"{p} {v:.1%}" for p, v in zip(top["partner"], top["share"])], index=top.index)
    named = words.groupby([top["mineral"], top["year"]], sort=True).agg("; ".join)
    out["top_partners"] = named.reindex(idx).to_numpy(dtype=object)
    out["country"] = country
    out["risk_level"] = params.risk_level
    out = out.merge(producers, on=["mineral", "year"], how="left")
    out["largest_producer"] = out["largest_producer"].astype(object).where(out["largest_producer"].notna(), "")
    fl = flags.drop_duplicates(["mineral", "year"]) if len(flags) else flags
    out = out.merge(fl, on=["mineral", "year"], how="left")
    n = len(out)
    out["flag"] = join_flags(n, [("gross_weight", out["gross"].eq(True).to_numpy()),
                                 ("trade_flows_as_given", out["as_given"].eq(True).to_numpy()),
                                 detail_flag("trade_codes_left_out", out["left"]),
                                 detail_flag("trade_mixed_heading", out["mixed"]),
                                 ("gamma_carried_forward", out["carried"].eq(True).to_numpy()),
                                 ("gamma_missing", out["missing"].eq(True).to_numpy())])
    return out[CONCENTRATION_COLUMNS].reset_index(drop=True)


def _counts(concentration: pd.DataFrame, sources: pd.DataFrame, producers: pd.DataFrame, country: str,
            params: ImportSourceParams) -> pd.DataFrame:
    if len(concentration) == 0:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    conc = concentration
    src = sources
    if params.minerals:
        wanted = set(params.minerals)
        conc = conc[conc["mineral"].isin(wanted)]
        src = src[src["mineral"].isin(wanted)]
    if len(conc) == 0:
        return pd.DataFrame(columns=COUNT_COLUMNS)

    def listed(frame: pd.DataFrame, who: str, name: str) -> pd.DataFrame:
        """Per (year, partner): how many minerals, and which (sorted ids)."""
        f = frame[["year", who, "mineral"]].drop_duplicates().rename(columns={who: "partner"}) \
            .sort_values(["year", "partner", "mineral"])
        g = f.groupby(["year", "partner"], sort=False)["mineral"]
        return pd.DataFrame({name: g.size(), f"{name}_minerals": g.agg(", ".join)}).reset_index()

    frm = listed(src[src["share"] > 0], "partner", "imported_from")
    top = listed(conc, "top1_partner", "largest_source")
    with_prod = conc[conc["largest_producer"] != ""]
    prod = listed(with_prod, "largest_producer", "largest_producer")
    out = frm.merge(top, on=["year", "partner"], how="outer").merge(prod, on=["year", "partner"], how="outer")
    for name in ("imported_from", "largest_source", "largest_producer"):
        out[name] = out[name].fillna(0).astype(np.int64)
        out[f"{name}_minerals"] = out[f"{name}_minerals"].fillna("")
    out["minerals"] = out["year"].map(conc.groupby("year")["mineral"].nunique()).astype(np.int64)
    out["minerals_with_production"] = out["year"].map(with_prod.groupby("year")["mineral"].nunique()) \
        .fillna(0).astype(np.int64)
    out["country"] = country
    out["year"] = out["year"].astype(np.int64)
    return out[COUNT_COLUMNS].sort_values(["year", "imported_from", "largest_source", "partner"],
                                          ascending=[True, False, False, True], kind="stable").reset_index(drop=True)


_SPAN = re.compile(r"major import sources (\d{4})\D(\d{4})")


def _beside_usgs(nir: pd.DataFrame | None, sources: pd.DataFrame, dependency: pd.DataFrame | None, country: str
                 ) -> pd.DataFrame | None:
    """The publisher's NIR and major import sources of ``country`` beside the computed D and partners."""
    if nir is None or len(nir) == 0:
        return None
    n = nir[text_column(nir, "country").to_numpy(dtype=object) == country]
    if len(n) == 0:
        return None
    n = n.assign(nir_year=pd.to_numeric(n["year"], errors="coerce")).sort_values("nir_year") \
        .drop_duplicates("mineral", keep="last")
    rows = []
    for r in n.itertuples(index=False):
        year = int(r.nir_year)
        note = str(getattr(r, "note", "") or "")
        m = _SPAN.search(note)
        first, last = (int(m.group(1)), int(m.group(2))) if m else (year - 4, year - 1)
        listed = [c for c in str(getattr(r, "import_sources", "") or "").split(";") if c]
        sub = sources[(sources["mineral"] == r.mineral) & sources["year"].between(first, last)] \
            if len(sources) else sources
        computed = ""
        in_top = ""
        if len(sub):
            tot = sub.groupby("partner")["imports"].sum().sort_values(ascending=False, kind="stable")
            share = tot / tot.sum()
            computed = "; ".join(f"{p} {v:.1%}" for p, v in share.head(max(len(listed), 3)).items())
            if listed:
                top = set(share.index[:len(listed)])
                in_top = f"{sum(c in top for c in listed)} of {len(listed)}"
        D, D_flag = np.nan, ""
        if dependency is not None and len(dependency):
            d = dependency[(dependency["mineral"] == r.mineral) & (dependency["country"] == country)
                           & (dependency["year"] == year)]
            if len(d):
                D, D_flag = float(d["D"].iloc[0]), str(d["flag"].iloc[0])
        rows.append({"mineral": r.mineral, "country": country, "usgs_year": year,
                     "usgs_nir": float(r.nir) if r.nir == r.nir else np.nan,
                     "usgs_nir_state": str(getattr(r, "nir_state", "") or ""),
                     "usgs_import_sources": ", ".join(listed),
                     "sources_years": f"{first}–{last}", "computed_partners": computed, "usgs_in_top": in_top,
                     "D": D, "D_flag": D_flag, "usgs_note": note})
    return pd.DataFrame(rows, columns=USGS_COLUMNS)
