"""A handful of real policy events, each with its source: seed rows for the ``events`` table.

Other code imports them (the demo builder, tests, what-if scenarios); the demo workbook itself is not
changed here.  Each row states only what its source states: the country, the mineral, the chain stage
the instrument bears on, its type (:mod:`desktop.core.chain.events`), the year it came into force and,
when it has ended, the year it ended.  ``source`` names the publisher, the document and its date, and
a URL where the text or a faithful account of it can be read; ``note`` what the instrument covers.

1. China, gallium and germanium — export licensing.  Ministry of Commerce (MOFCOM) and General
   Administration of Customs (GAC), Announcement No. 23 of 2023 on export control of gallium- and
   germanium-related items (商务部 海关总署公告2023年第23号), issued 3 July 2023, in force 1 August
   2023: the listed gallium items (metal, nitride, oxide, phosphide, arsenide, indium gallium arsenide,
   selenide, antimonide) and germanium items (metal, zone-refined ingots, zinc germanium phosphide,
   epitaxial growth substrates, dioxide, tetrachloride) may not be exported without a licence.  These are
   refined products: stage processing.
2. Indonesia, nickel — ore export ban.  Ministry of Energy and Mineral Resources (MEMR), Regulation
   No. 11 of 2019 amending Regulation No. 25 of 2018, in force 1 January 2020: the export of nickel ore
   below 1.7 % Ni, the only grade still exportable, ended on 31 December 2019, two years ahead of the
   earlier schedule (January 2022).  Stage mining (ore).
3. DR Congo, cobalt — temporary export suspension.  Autorité de Régulation et de Contrôle des Marchés
   des Substances Minérales Stratégiques (ARECOMS), Decision No. 001/ARECOMS/2025 of 22 February 2025:
   all exports of cobalt from mining (industrial, semi-industrial, small-scale and artisanal) suspended
   for four months; extended on 21 June 2025 by three months, then to 15 October 2025; exports resume
   under quotas from 16 October 2025 (a separate event type, not seeded here).  Ended 2025.  Stage mining.
4. China, graphite — export licensing.  MOFCOM and GAC, Announcement No. 39 of 2023 on optimising and
   adjusting the temporary export control measures for graphite items (商务部 海关总署公告2023年第39号),
   issued 20 October 2023, in force 1 December 2023: synthetic graphite of high purity (> 99.9 %), high
   strength (flexural strength > 30 MPa) and high density (> 1.73 g/cm³), and natural flake graphite and
   its products (spheroidised, expanded graphite) need an export licence.  Two rows: natural flake
   graphite (mining, as concentrate) and the synthetic and spheroidised products (processing).
5. China, rare earths — technology export ban.  MOFCOM and the Ministry of Science and Technology
   (MOST), Announcement No. 57 of 2023, the revised Catalogue of Technologies Prohibited and Restricted
   from Export (中国禁止出口限制出口技术目录), published and in force 21 December 2023: the export of
   rare-earth extraction and separation technology, of production technology for rare-earth metals and
   alloy materials, and of preparation technology for some rare-earth magnets is prohibited.  Stage
   processing; type technology_transfer_limit.

The URLs are those the facts above were checked against (publishers' own pages, law firms' and
news agencies' accounts); the announcement texts are on the publishers' sites.
"""
from __future__ import annotations

import math

_GA_GE = ("MOFCOM & GAC, Announcement No. 23 of 2023 on export control of gallium- and germanium-related items "
          "(商务部 海关总署公告2023年第23号), issued 2023-07-03, in force 2023-08-01; "
          "https://www.mondaq.com/china/export-controls--trade--investment-sanctions/1350848/"
          "china-releases-latest-export-control-measures-on-gallium-and-germanium")
_GRAPHITE = ("MOFCOM & GAC, Announcement No. 39 of 2023 on optimising and adjusting the temporary export control "
             "measures for graphite items (商务部 海关总署公告2023年第39号), issued 2023-10-20, in force 2023-12-01; "
             "https://english.news.cn/20231020/b218269f9f9e4c708aae37c0ad3d4fe1/c.html")

SEED_EVENTS: tuple[dict, ...] = (
    {"country": "CHN", "mineral": "gallium", "stage": "processing", "type": "export_licence", "start_year": 2023,
     "end_year": math.nan, "source": _GA_GE,
     "note": "Gallium metal, nitride, oxide, phosphide, arsenide, indium gallium arsenide, selenide and antimonide "
             "may not be exported without a licence."},
    {"country": "CHN", "mineral": "germanium", "stage": "processing", "type": "export_licence", "start_year": 2023,
     "end_year": math.nan, "source": _GA_GE,
     "note": "Germanium metal, zone-refined ingots, zinc germanium phosphide, epitaxial growth substrates, dioxide "
             "and tetrachloride may not be exported without a licence."},
    {"country": "IDN", "mineral": "nickel", "stage": "mining", "type": "export_ban", "start_year": 2020,
     "end_year": math.nan,
     "source": "Ministry of Energy and Mineral Resources (MEMR), Regulation No. 11 of 2019 amending Regulation "
               "No. 25 of 2018, in force 2020-01-01; https://www.nortonrosefulbright.com/en-de/knowledge/"
               "publications/b571b094/indonesia-amends-regulation-on-nickel-export-to-boost-production-of-"
               "value-added-products",
     "note": "Export of nickel ore below 1.7 % Ni ended on 2019-12-31, two years ahead of the earlier schedule."},
    {"country": "COD", "mineral": "cobalt", "stage": "mining", "type": "export_ban", "start_year": 2025,
     "end_year": 2025.0,
     "source": "ARECOMS (Autorité de Régulation et de Contrôle des Marchés des Substances Minérales Stratégiques), "
               "Decision No. 001/ARECOMS/2025 of 2025-02-22; https://www.einpresswire.com/article/789070176/"
               "urgent-regulatory-measures-relating-to-the-cobalt-sector",
     "note": "All cobalt exports from mining suspended for four months; extended on 2025-06-21 by three months, then "
             "to 2025-10-15; exports under quotas from 2025-10-16."},
    {"country": "CHN", "mineral": "graphite", "stage": "mining", "type": "export_licence", "start_year": 2023,
     "end_year": math.nan, "source": _GRAPHITE,
     "note": "Natural flake graphite needs an export licence."},
    {"country": "CHN", "mineral": "graphite", "stage": "processing", "type": "export_licence", "start_year": 2023,
     "end_year": math.nan, "source": _GRAPHITE,
     "note": "Synthetic graphite of purity > 99.9 %, flexural strength > 30 MPa and density > 1.73 g/cm³, and "
             "spheroidised and expanded natural graphite, need an export licence."},
    {"country": "CHN", "mineral": "rare_earths", "stage": "processing", "type": "technology_transfer_limit",
     "start_year": 2023, "end_year": math.nan,
     "source": "MOFCOM & MOST, Announcement No. 57 of 2023, Catalogue of Technologies Prohibited and Restricted "
               "from Export (中国禁止出口限制出口技术目录), published and in force 2023-12-21; "
               "https://www.china-briefing.com/news/technologies-subject-to-export-control-in-china-prohibited-"
               "restricted-export-catalogue/",
     "note": "Export of rare-earth extraction and separation technology, of production technology for rare-earth "
             "metals and alloys, and of preparation technology for some rare-earth magnets is prohibited."},
)


def seed_events():
    """The seed rows as a canonical ``events`` table (pandas is loaded only when this is called)."""
    import pandas as pd

    from desktop.core.dataset import conform

    return conform("events", pd.DataFrame(list(SEED_EVENTS)))
