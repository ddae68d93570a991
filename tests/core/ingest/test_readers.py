import pytest

from desktop.core.errors import ReadError
from desktop.core.ingest.readers import read_file

from ..helpers import write_csv, write_xlsx

TEXT = "矿种,国家,年份,产量\r\n钴,刚果(金),2023,\"170,000\"\r\n锂,智利,2023,49000\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_encodings(tmp_path, encoding):
    sheet, = read_file(write_csv(tmp_path / "p.csv", TEXT, encoding))
    assert list(sheet.frame.columns) == ["矿种", "国家", "年份", "产量"]
    assert sheet.frame.iloc[0, 1] == "刚果(金)"
    assert sheet.frame.iloc[0, 3] == "170,000"


@pytest.mark.parametrize("sep", [";", "\t", ",", "|"])
def test_separators(tmp_path, sep):
    text = sep.join(["mineral", "country", "year", "quantity"]) + "\n" + sep.join(["Cobalt", "COD", "2023", "5"])
    sheet, = read_file(write_csv(tmp_path / "p.csv", text))
    assert sheet.frame.shape == (1, 4) and sheet.separator == sep


def test_na_text_is_kept_as_text(tmp_path):
    # "NA" is Namibia's ISO code and a USGS token: the reader must not turn it into NaN.
    sheet, = read_file(write_csv(tmp_path / "p.csv", "country,value\nNA,NA\n"))
    assert sheet.frame.iloc[0].tolist() == ["NA", "NA"]


def test_leading_blank_lines_shift_header_row(tmp_path):
    sheet, = read_file(write_csv(tmp_path / "p.csv", "\n\nmineral,year\nCobalt,2020\n"))
    assert sheet.header_row == 3


def test_workbook_sheets_and_rows(tmp_path):
    path = write_xlsx(tmp_path / "b.xlsx", {"empty": [], "prod": [[None], ["mineral", "year"], ["Cobalt", 2020]]})
    sheet, = read_file(path)
    assert sheet.sheet == "prod" and sheet.header_row == 2 and sheet.frame.iloc[0].tolist() == ["Cobalt", 2020]


@pytest.mark.parametrize("content, message", [(b"", "empty"), (b"\x00\x01\x02binary", "binary")])
def test_unreadable_text(tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message):
        read_file(path)


def test_missing_and_corrupt_files(tmp_path):
    with pytest.raises(ReadError, match="not found"):
        read_file(tmp_path / "nope.csv")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReadError, match="bad.xlsx"):
        read_file(bad)
    with pytest.raises(ReadError, match="unsupported"):
        read_file(write_csv(tmp_path / "x.pdf", "x"))


def test_title_row_narrower_than_table(tmp_path):
    text = "表1 钴产量（吨）\n国家,2022年,2023年\n刚果(金),\"144,000\",\"170,000\"\n"
    sheet, = read_file(write_csv(tmp_path / "t.csv", text))
    assert sheet.frame.columns[0] == "表1 钴产量（吨）" and sheet.frame.shape == (2, 3)
    assert sheet.grid().iloc[1].tolist() == ["国家", "2022年", "2023年"]
