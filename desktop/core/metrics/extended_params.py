"""Parameters of the extended indicators (METHODS §3), stored with every result — kept outside the
``extended`` package so that the window can read the defaults without loading pandas.

One frozen :class:`ExtendedParams` holds every threshold and constant the
extended indicators use; ``to_rows()`` lists them (name, value, description)
for the results workbook's ``parameters`` sheet.  Change a value with
``dataclasses.replace(params, d_high=0.6)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from types import MappingProxyType
from collections.abc import Mapping

# IEA Global Critical Minerals Outlook 2024, stated-policies demand growth 2023/24 → 2040 (rounded).
IEA_2040_MULTIPLIERS: Mapping[str, float] = MappingProxyType({
    "lithium": 5.0, "graphite": 2.0, "nickel": 2.0, "cobalt": 1.5, "rare_earths": 1.6, "copper": 1.3,
})

_DESCRIPTIONS = {
    "growth_years": "Production growth: G = (P_t / P_{t−n})^(1/n) with n = growth_years (NSTC 2016 uses 5)",
    "primary_stages": "Stages that count as primary (mine) production, in order of preference per mineral "
                      "('' = the source did not say)",
    "top_n": "Concentration: the k of the top-k share (top-1 is always reported)",
    "reserve_warning_years": "Reserve-to-production ratio below this many years is a warning (储采比预警)",
    "d_high": "Categories: import dependency D at or above this is high external dependence",
    "r_high": "Categories: supply risk R at or above this is high (0.29 = reference paper threshold)",
    "domestic_production_high": "Categories: domestic share of world production at or above this is a large base",
    "domestic_reserves_high": "Categories: domestic share of world reserves at or above this is a large base",
    "domestic_production_low": "Categories: domestic share of world production below this is "
                               "'almost no domestic capacity' (named in the explanation)",
    "assessed_countries": "Categories/GeoPolRisk/EU SR: assessed countries (ISO3); empty = every country "
                          "with import dependency (categories, EU SR) or imports (GeoPolRisk)",
    "pv_bound": "GeoPolRisk: g = clamp((pv_bound − PV) / pv_span, 0, 1)",
    "pv_span": "GeoPolRisk: see pv_bound",
    "pv_missing": "GeoPolRisk: g of a partner without a PV value",
    "pv_carry_forward": "GeoPolRisk: use the nearest earlier PV year when the trade year has none (flagged)",
    "eu_wgi_offset": "EU SR: scaled WGI = (offset − mean of the six estimates) × factor, clipped to 0..10",
    "eu_wgi_factor": "EU SR: see eu_wgi_offset",
    "eu_substitution": "EU SR: substitution index SI_SR (1 = no substitution considered)",
    "eu_trade_factor": "EU SR: trade-restriction factor t on every producer (1 = none)",
    "eu_sr_threshold": "EU SR: SR at or above this is above the EU supply-risk threshold",
    "eu_missing_eol_rir_as_zero": "EU SR: use EoL-RIR = 0 when the recycling table has no value "
                                  "(flagged); otherwise SR is empty",
    "scenario_base_year": "Scenarios: base year of the demand multipliers (latest earlier year if missing)",
    "scenario_target_year": "Scenarios: target year of the demand multipliers",
    "demand_multipliers": "Scenarios: demand in the target year / demand in the base year, per mineral "
                          "(default IEA Global Critical Minerals Outlook 2024, 2024→2040)",
}


@dataclass(frozen=True)
class ExtendedParams:
    growth_years: int = 5
    primary_stages: tuple[str, ...] = ("mine", "")
    top_n: int = 3
    reserve_warning_years: float = 20.0
    d_high: float = 0.5
    r_high: float = 0.29
    domestic_production_high: float = 0.20
    domestic_reserves_high: float = 0.20
    domestic_production_low: float = 0.02
    assessed_countries: tuple[str, ...] = ()
    pv_bound: float = 2.5
    pv_span: float = 5.0
    pv_missing: float = 0.5
    pv_carry_forward: bool = True
    eu_wgi_offset: float = 2.5
    eu_wgi_factor: float = 2.0
    eu_substitution: float = 1.0
    eu_trade_factor: float = 1.0
    eu_sr_threshold: float = 1.0
    eu_missing_eol_rir_as_zero: bool = False
    scenario_base_year: int = 2024
    scenario_target_year: int = 2040
    demand_multipliers: Mapping[str, float] = field(default_factory=lambda: dict(IEA_2040_MULTIPLIERS))

    def __post_init__(self) -> None:
        if int(self.growth_years) < 1:
            raise ValueError("growth_years must be at least 1")
        if int(self.top_n) < 1:
            raise ValueError("top_n must be at least 1")
        if self.pv_span <= 0:
            raise ValueError("pv_span must be positive")
        if not 0 <= self.pv_missing <= 1:
            raise ValueError("pv_missing must lie in 0..1")
        if self.scenario_target_year <= self.scenario_base_year:
            raise ValueError("scenario_target_year must be after scenario_base_year")
        for name, value in dict(self.demand_multipliers).items():
            if not value > 0:
                raise ValueError(f"demand multiplier of {name} must be positive, not {value!r}")
        # normalise containers (frozen: object.__setattr__); the multipliers become a read-only copy,
        # so a caller's dict edited later does not change stored parameters (edit with dataclasses.replace)
        object.__setattr__(self, "demand_multipliers",
                           MappingProxyType({str(k): float(v) for k, v in dict(self.demand_multipliers).items()}))
        object.__setattr__(self, "primary_stages", tuple(self.primary_stages))
        object.__setattr__(self, "assessed_countries",
                           tuple(str(c).strip().upper() for c in self.assessed_countries))

    def __hash__(self) -> int:
        values = tuple(tuple(sorted(v.items())) if isinstance(v, Mapping) else v
                       for v in (getattr(self, f.name) for f in fields(self)))
        return hash(values)

    def to_rows(self) -> list[dict]:
        rows = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                text = "; ".join(f"{k} ×{v:g}" for k, v in sorted(value.items()))
            elif isinstance(value, tuple):
                text = ", ".join(repr(v) if v == "" else str(v) for v in value)
            else:
                text = value
            rows.append({"name": f.name, "value": text, "description": _DESCRIPTIONS.get(f.name, "")})
        return rows
