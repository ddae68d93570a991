"""The core's messages in two languages (desktop/core/messages.py, messages_catalogue.py)."""
from __future__ import annotations

import ast
import csv
import pickle
import re
import string
from pathlib import Path

import pytest

from desktop.core import messages
from desktop.core.messages import Message, count_rows, describe_flags, flag_code, flag_text, msg, term, text
from desktop.core.messages_catalogue import CATALOGUE
from desktop.core.problems import Problem, Severity

DESKTOP = Path(messages.__file__).resolve().parents[1]
SOURCES = sorted((DESKTOP / "core").rglob("*.py")) + [DESKTOP / "cli.py"]
PREFIXES = {code.split(".", 1)[0] for code in CATALOGUE}
CJK = re.compile(r"[\u201c\u201d\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")   # Chinese, its quotes and punctuation


def _fields(template: str) -> set[str]:
    return {re.split(r"[.\[]", name)[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def _string_constants(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


# -- the catalogue ------------------------------------------------------------------------------

def test_every_code_in_the_source_has_english_and_chinese():
    """Every literal catalogue code in desktop/core and desktop/cli.py is in the catalogue, in both languages."""
    code = re.compile(rf"^({'|'.join(sorted(PREFIXES))})\.[A-Za-z0-9_]+$")
    used = {(s, p.name) for p in SOURCES if p.name != "messages_catalogue.py"
            for s in _string_constants(p) if code.match(s)}
    assert len(used) > 150
    missing = sorted(u for u in used if u[0] not in CATALOGUE)
    assert missing == []
    for name, (en, zh) in CATALOGUE.items():
        assert en and zh, name


def test_words_built_from_names_are_in_the_catalogue():
    """Codes the core builds at run time: severities, recognisers, tables, columns, name kinds, shapes."""
    from desktop.core.dataset import TEMPLATE_TABLES
    from desktop.core.ingest.checks import NON_NEGATIVE, UNIT_INTERVAL
    from desktop.core.ingest.recognisers import all_recognisers

    wanted = [f"severity.{s.value}" for s in Severity]
    wanted += [f"table.{t}" for t in TEMPLATE_TABLES]
    wanted += [f"column.{c}" for c in NON_NEGATIVE | UNIT_INTERVAL]
    wanted += [f"kind.{k}" for k in ("mineral", "country", "measure", "column", "unit", "hs_code")]
    wanted += [f"shape.{k}" for k in ("long", "wide", "year_rows")]
    wanted += [f"source.{k}" for k in ("title", "sheet_name", "file_name")]
    assert [w for w in wanted if w not in CATALOGUE] == []
    for recogniser in all_recognisers():
        assert isinstance(recogniser.label, Message) and recogniser.label.code == f"recogniser.{recogniser.name}"


def test_the_region_reasons_of_the_registry_are_translated():
    from desktop.core.registry.registry import DATA_DIR

    with open(DATA_DIR / "regions.csv", encoding="utf-8-sig", newline="") as fh:
        reasons = {row["reason"] for row in csv.DictReader(fh) if row.get("reason")}
    assert reasons
    for reason in reasons:
        phrase = messages.known_phrase("region", reason)
        assert isinstance(phrase, Message) and CJK.search(phrase.text("zh")), reason


def test_chinese_templates_have_the_same_placeholders_as_english():
    for name, (en, zh) in CATALOGUE.items():
        assert _fields(en) == _fields(zh), name


def test_every_template_formats_and_chinese_is_chinese():
    for name, (en, zh) in CATALOGUE.items():
        params = {f: 5 for f in _fields(en)}
        for template in (en, zh):
            assert "{" not in template.format_map(params), name
        if name not in ("note.wmd_source_count", "compare.alerts_added"):     # only parameters: nothing to translate
            assert zh != en and CJK.search(zh), name


def _flag_parts(tree) -> list[ast.Tuple]:
    """The (name, mask) tuples of flag lists: elements of a list literal, or appended to one."""
    parts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.List):
            parts += node.elts
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "append":
            parts += node.args
    return [p for p in parts if isinstance(p, ast.Tuple) and len(p.elts) == 2
            and not isinstance(p.elts[1], ast.Constant)]


def _metric_flags() -> set[str]:
    """Flag names the metrics emit: (name, mask) parts, prefixes of count_flag / years_text and 'name:' + …"""
    found = set()
    for path in (DESKTOP / "core" / "metrics").rglob("*.py"):
        if path.name in ("flags.py", "engine.py"):     # the joining machinery and the step list: no flags
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _flag_parts(tree):
            first = node.elts[0]
            if isinstance(first, ast.JoinedStr):       # f"below_{n:g}_years"
                found.add("".join(v.value if isinstance(v, ast.Constant) else "5" for v in first.values))
            elif isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("count_flag", "years_text"):
                found.add(node.args[0].value + ":5")
            elif isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) \
                    and isinstance(node.left.value, str) and re.fullmatch(r"[A-Za-z_]+:", node.left.value):
                found.add(node.left.value + "x")
    return {f for f in found if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(:[A-Za-z0-9]+)?", f)}


def test_every_metric_flag_has_an_explanation():
    flags = _metric_flags()
    # the scan must see the flags of the core and the extended indicators
    assert {"missing_input", "carried_forward:x", "mixed_units:x", "below_5_years", "pv_carried:5",
            "fewer_than_5_countries", "minmax_zero:R"} <= flags
    missing = sorted(f for f in flags if flag_code(f)[0] not in CATALOGUE)
    assert missing == []


# -- text(), Message -----------------------------------------------------------------------------

def test_text_fills_parameters_and_falls_back():
    assert text("problem.unit_not_known", {"unit": "kt"}) == "Unit 'kt' is not known; values kept as written."
    assert text("problem.unit_not_known", {"unit": "kt"}, "zh") == "单位“kt”无法识别；数值按原样保留。"
    assert text("problem.unit_not_known", {"unit": "kt"}, "zh_CN") == \
        text("problem.unit_not_known", {"unit": "kt"}, "zh")
    assert text("problem.unit_not_known", lang="zh") == "单位“{unit}”无法识别；数值按原样保留。"   # missing param
    assert text("no.such_code", {"x": 1}, "zh") == "no.such_code"
    # a format spec that cannot take the missing parameter: English, then the code — never an exception
    assert text("note.baci_unmapped", {"codes": 2}, "zh") == "note.baci_unmapped"
    assert text("preview.table_rows", {"table": "production", "rows": 3}, "fr") == "production: 3 rows"


def test_a_message_is_its_english_text():
    m = msg("problem.unknown_name", kind=term("kind", "mineral"), name="Unobtainium", rows=count_rows(2))
    assert m == "Unknown mineral 'Unobtainium' (2 rows); add it as an alias or correct the file"
    assert str(m) == m and type(str(m)) is str and "Unobtainium" in m
    assert m.code == "problem.unknown_name" and m.params["name"] == "Unobtainium"
    assert m.text("zh") == "未知矿种“Unobtainium”（2 行）；请将其添加为别名或更正文件"
    parts = [m, "x"]
    assert " ".join(parts).endswith("file x")          # callers join notes as text
    assert pickle.loads(pickle.dumps(m)).text("zh") == m.text("zh")
    with pytest.raises(AttributeError):
        m.code = "other"
    assert Message("count.row", {"n": 1}) == "1 row" and count_rows(3) == "3 rows"
    assert msg("drop.hs_code_unmapped", code="081110").text("zh") == \
        "HS 编码 081110 不在 HS→矿种对照表（hs_minerals.csv）中"


def test_list_parameters_use_the_language_separator():
    m = msg("problem.duplicate_row", rows=[3, 4], table=term("table", "production"), key="cobalt, COD, 2023")
    assert m == "Rows 3, 4 repeat the same production row (cobalt, COD, 2023); it is imported once"
    assert m.text("zh") == "第 3、4 行重复了产量表中的同一行（cobalt, COD, 2023），只导入一次"
    assert term("table", "no_such_table") == "no_such_table"


def test_language_of_the_environment():
    assert messages.system_lang({}) == "en"
    assert messages.system_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert messages.system_lang({"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}) == "en"
    assert messages.system_lang({"LC_MESSAGES": "zh_TW"}) == "zh"
    assert messages.system_lang({"LANGUAGE": "zh_CN:en"}) == "zh"
    assert messages.system_lang({"CRITMIN_LANG": "en", "LANG": "zh_CN.UTF-8"}) == "en"
    assert messages.system_lang({"CRITMIN_LANG": "zh"}) == "zh"


# -- problems ------------------------------------------------------------------------------------

def _unknown_country() -> Problem:
    return Problem(Severity.ERROR, "unknown_country",
                   msg("problem.unknown_name", kind=term("kind", "country"), name="Narnia", rows=count_rows(1)),
                   file="broken.xlsx", sheet="产量", row=2, column="country", value="Narnia",
                   expected=msg("expected.known_name", kind=term("kind", "country")))


def test_problem_format_in_english_is_unchanged():
    p = _unknown_country()
    assert p.format() == p.format("en") == (
        "ERROR   broken.xlsx, sheet '产量', row 2, column 'country': Unknown country 'Narnia' (1 row); add it as "
        "an alias or correct the file (found 'Narnia'; expected a known country name, symbol or code)")
    assert p.text() == p.message and p.params["name"] == "Narnia"


def test_problem_format_in_chinese():
    p = _unknown_country()
    assert p.location("zh") == "broken.xlsx，工作表“产量”，第 2 行，列“country”"
    assert p.format("zh") == ("错误 broken.xlsx，工作表“产量”，第 2 行，列“country”：未知国家“Narnia”（1 行）；"
                              "请将其添加为别名或更正文件（实际为“Narnia”，应为已知的国家名称、符号或代码）")
    warning = Problem(Severity.WARNING, "year_gap", msg("problem.year_gap", series="cobalt, AUS", years=[2010, 2011]),
                      file="p.csv", column="year")
    assert warning.format("zh") == "警告 p.csv，列“year”：cobalt, AUS：2010、2011 年没有数据"
    assert warning.format() == "WARNING p.csv, column 'year': cobalt, AUS: no data for 2010, 2011"
    plain = Problem(Severity.INFO, "x", "A plain sentence", file="f.csv", expected="one")
    assert plain.format("zh") == "提示 f.csv：A plain sentence（应为one）" and plain.params == {}


# -- flags ---------------------------------------------------------------------------------------

def test_flags_are_explained_in_both_languages():
    assert flag_text("carried_forward:2019") == "The governance value is carried forward from 2019."
    assert flag_text("carried_forward:2019", "zh") == "治理数值沿用 2019 年的数值。"
    assert flag_text("below_20_years", "zh") == "按当前产量，储量可开采年限不足 20 年。"
    assert flag_text("mixed_units:t|t Li2O", "zh") == "该组生产国使用不同的单位（t、t Li2O）；只使用第一个单位。"
    assert flag_text("no_such_flag", "zh") == "no_such_flag"
    assert describe_flags("withheld;bound") == ("withheld: A withheld value (W) was left out.\n"
                                                "bound: A printed bound (such as >50, <1,000 or a range) was used "
                                                "as the number.")
    assert describe_flags("withheld", "zh") == "withheld：保密数值（W）未参与计算。"
    assert describe_flags("") == "" and describe_flags(float("nan")) == ""


# -- an import, end to end -----------------------------------------------------------------------

def test_an_import_reads_in_chinese(tmp_path):
    from desktop.core.ingest.drops import reason_text
    from desktop.core.ingest.load import load_file

    bad = tmp_path / "production.csv"
    bad.write_text("mineral,country,year,quantity\nCobalt,Narnia,2023,abc\nCobalt,United States and Canada,"
                   "2023,5\nCobalt,COD,1800,-5\nCobalt,COD,2023,3\nCobalt,COD,2023,3\n", encoding="utf-8")
    wide = tmp_path / "钴产量.csv"
    wide.write_text("表1 钴矿产量（万吨）\n国家,2021年,2022年,备注列\n刚果（金）,1.2,1.5,x\n中国,0.1,abc,\n"
                    "注：数据来源 USGS\n", encoding="utf-8")
    previews = [load_file(bad), load_file(wide)]
    for preview in previews:
        en, zh = preview.summary_lines(verbose=True), preview.summary_lines(verbose=True, lang="zh")
        assert en == preview.summary_lines(verbose=True, lang="en") and len(en) == len(zh) and en != zh
        texts = zh + [p.format("zh") for p in preview.problems] + [n.text("zh") for n in preview.notes] \
            + [reason_text(d, "zh") for d in preview.dropped]
        assert preview.problems.items and preview.notes
        assert not [t for t in texts if "{" in t]
        assert all(CJK.search(p.format("zh")) for p in preview.problems)
        assert all(reason_text(d) == d["reason"] and d["reason_code"] for d in preview.dropped)
    assert previews[1].dropped
    assert any("“United States and Canada”是地区而非国家（1 行）" in p.text("zh") for p in previews[0].problems)
    assert "          1 表格下方的注释或来源行" in previews[1].summary_lines(verbose=True, lang="zh")
