"""Ready-made scenarios for the demo project, each with its rationale and source (issue 14).

They are examples an analyst can run, duplicate and edit, not forecasts: each takes one publicly
reported measure or projection and asks what the indicators would show if it applied in full.
"""
from __future__ import annotations

from desktop.core.scenarios.model import Change, Scenario

SEEDS: tuple[Scenario, ...] = (
    Scenario(
        name="China stops gallium and germanium exports",
        changes=(Change(type="exports", mineral="gallium", country="CHN", factor=0.0),
                 Change(type="exports", mineral="germanium", country="CHN", factor=0.0),
                 Change(type="event", mineral="gallium", country="CHN", from_year=2024, event="export_ban"),
                 Change(type="event", mineral="germanium", country="CHN", from_year=2024, event="export_ban")),
        rationale="China licenses gallium and germanium exports since August 2023 and banned them to the United "
                  "States in December 2024; the scenario takes the ban to every partner. China's production then "
                  "serves China alone and leaves the world market shares, and from 2024 the ban, not the "
                  "licence, is the policy event the risk matrix reads.",
        source="MOFCOM/GAC Announcement No. 23 (2023); MOFCOM Announcement No. 46 (2024)"),
    Scenario(
        name="DR Congo cobalt output −50 %",
        changes=(Change(type="production", mineral="cobalt", country="COD", factor=0.5),),
        rationale="DR Congo supplies about three quarters of mined cobalt; in February 2025 it suspended cobalt "
                  "exports, later replaced by quotas. The scenario halves its output in every year.",
        source="USGS Mineral Commodity Summaries 2025 (cobalt); ARECOMS decision of 22 February 2025 (export "
               "suspension) and the export quotas it announced in September 2025"),
    Scenario(
        name="Indonesia bans nickel ore exports",
        changes=(Change(type="exports", mineral="nickel", country="IDN", factor=0.0, stage="mine", from_year=2020),),
        rationale="Indonesia has banned nickel ore exports since January 2020 to have the ore processed at home; "
                  "the scenario removes its mined nickel from the world market of ore from 2020.",
        source="Regulation of the Minister of Energy and Mineral Resources No. 11/2019"),
    Scenario(
        name="lithium demand ×5 by 2040 (IEA)",
        changes=(Change(type="demand", mineral="lithium", factor=5.0, target_year=2040),),
        rationale="The IEA projects lithium demand to grow several-fold from 2024 to 2040; CritMin's default "
                  "demand multiplier for lithium is ×5. The scenario asks how far the current production trend "
                  "falls short of five times today's demand. The default multipliers already hold ×5, so against "
                  "a default baseline the deltas are nil: edit the factor to test other paths.",
        source="IEA Global Critical Minerals Outlook 2024"),
)


def seed_scenarios() -> list[Scenario]:
    return list(SEEDS)


def seed_rows():
    """The seeds as rows of the ``scenarios`` table (the demo workbook's sheet)."""
    from desktop.core.scenarios.model import to_rows

    return to_rows(SEEDS)
