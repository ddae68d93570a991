"""USGS MCS net import reliance and major import sources (MCS2025 Fig. 2) as publisher data (issue 9, item 7)."""
from __future__ import annotations

import numpy as np
import pytest

from desktop.core.ingest.base import ParseContext
from desktop.core.ingest.load import load_file
from desktop.core.ingest.readers import read_file
from desktop.core.ingest.recognisers import all_recognisers
from desktop.core.ingest.recognisers.usgs_nir import RECOGNISERS, USGSNirRecogniser
from tests.core.ingest._tpa_helpers import all_real_sheets

FIG2 = "usgs_mcs2025/industry_trends/MCS2025_Fig2_Net_Import_Reliance.csv"
HEADER = "Source,Import_Share_Order,Commodity,Net_Import_Reliance_pct_2024,Major_Import_Sources_2020_2023,Notes\n"


@pytest.fixture(scope="module")
def fig2(shared_data):
    path = shared_data / FIG2
    if not path.is_file():
        pytest.skip("Fig. 2 file not present")
    return load_file(path)


def test_registered():
    assert any(r.name == "usgs_nir" for r in RECOGNISERS)
    assert any(r.name == "usgs_nir" for r in all_recognisers())


def test_the_real_file(fig2):
    assert fig2.ok and not fig2.problems.errors
    assert [s.recogniser for s in fig2.sheets] == ["usgs_nir"]
    nir = fig2.tables["usgs_nir"].set_index("mineral")
    assert len(nir) == 60 and set(nir["country"]) == {"USA"} and set(nir["year"]) == {2024}
    co = nir.loc["cobalt"]
    assert co["nir"] == pytest.approx(0.76) and co["nir_state"] == ""
    assert co["import_sources"] == "NOR;FIN;JPN;CAN"
    assert co["note"].startswith("COBALT, metal, oxides, and salts; major import sources 2020–2023: Norway")
    assert nir.loc["gallium", "import_sources"] == "JPN;CHN;DEU;CAN" and nir.loc["gallium", "nir"] == 1.0
    assert nir.loc["rare_earths", "import_sources"] == "CHN;MYS;JPN;EST"
    assert nir.loc["graphite", "import_sources"] == "CHN;CAN;MEX;MOZ"
    # printed bounds keep their number and state; a footnote digit does not hide the country (China3)
    assert (nir.loc["lithium", "nir"], nir.loc["lithium", "nir_state"]) == (pytest.approx(0.5), ">")
    assert (nir.loc["silicon", "nir"], nir.loc["silicon", "nir_state"]) == (pytest.approx(0.5), "<")
    assert nir.loc["aluminum", "import_sources"] == "CAN;ARE;BHR;CHN"
    assert nir.loc["mica_sheet", "import_sources"] == "CHN;BRA;IND"       # 'MICA (NATURAL), sheet'
    # two USGS forms of one mineral: the one naming the mineral itself is kept, the other is a dropped row
    assert nir.loc["titanium", "note"].startswith("TITANIUM, sponge metal")
    assert nir.loc["feldspar", "note"].startswith("FELDSPAR")
    dropped = [d for d in fig2.dropped if "second USGS form" in d["reason"]]
    assert len(dropped) == 4 and all(d["count"] == 1 for d in dropped)


def _write(tmp_path, body: str):
    path = tmp_path / "nir.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_unknown_names_are_warnings_not_errors(tmp_path):
    path = _write(tmp_path, 'MCS2025,1,UNOBTAINIUM,100,"China, Japan",x\n'
                            'MCS2025,2,COBALT,E,"Narnia, Norway4",\n'
                            'MCS2025,3,NICKEL,lots,Canada,\n')
    p = load_file(path)
    assert p.ok and not p.problems.errors
    warnings = {(w.code, w.row, w.value) for w in p.problems.warnings}
    assert ("unknown_mineral", 2, "UNOBTAINIUM") in warnings
    assert ("unknown_country", 3, "Narnia") in warnings
    assert ("not_a_number", 4, "lots") in warnings
    nir = p.tables["usgs_nir"].set_index("mineral")
    assert list(nir.index) == ["cobalt"]
    assert np.isnan(nir.loc["cobalt", "nir"]) and nir.loc["cobalt", "nir_state"] == "E"     # net exporter
    assert nir.loc["cobalt", "import_sources"] == "NOR"
    reasons = {d["reason"] for d in p.dropped}
    assert any("unknown mineral" in r for r in reasons)


def test_detect_only_this_layout(shared_data, tmp_path, registry):
    rec = USGSNirRecogniser()
    for name, sheet in all_real_sheets(str(shared_data)):
        score = rec.detect(sheet)
        if name == FIG2:
            assert score >= 0.9
        else:
            assert score == 0.0, (name, sheet.sheet, score)
    sheet = read_file(_write(tmp_path, "MCS2025,1,COBALT,76,Norway,\n"))[0]
    assert rec.detect(sheet) >= 0.9
    out = rec.parse(sheet, ParseContext(registry))
    assert out["usgs_nir"]["_row"].tolist() == [2]
