"""`critmin` speaks the language asked for: --lang zh|en, else CRITMIN_LANG or the locale."""
import os
import subprocess
import sys

import pytest

BAD = "mineral,country,year,quantity\nCobalt,Narnia,2023,abc\n"
GOOD = "mineral,country,year,quantity,stage,unit\nCobalt,COD,2023,170000,mine,t\nCobalt,IDN,2023,17000,mine,t\n"
LOCALE_VARS = ("CRITMIN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")

ZH_COUNTRY = ("错误 broken.csv，第 2 行，列“country”：未知国家“Narnia”（1 行）；")
ZH_NUMBER = ("错误 broken.csv，第 2 行，列“quantity”：此处应为数字，却是文字（实际为“abc”，"
             "应为数字，或 W / NA / >50 / <1,000 / 50–300）")
EN_COUNTRY = "ERROR   broken.csv, row 2, column 'country': Unknown country 'Narnia' (1 row); "
EN_NUMBER = ("ERROR   broken.csv, row 2, column 'quantity': Text where a number belongs (found 'abc'; "
             "expected a number, or W / NA / >50 / <1,000 / 50–300)")


def critmin(*args, cwd=None, **env):
    base = {k: v for k, v in os.environ.items() if k not in LOCALE_VARS}
    base.update(PYTHONPATH=os.pathsep.join(sys.path), PYTHONIOENCODING="utf-8", **env)
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=base, cwd=cwd, timeout=300, check=False)


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(BAD, encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [("--lang", "zh", "validate"), ("validate", "--lang", "zh"),
                                  ("--lang=zh_CN", "validate")])
def test_lang_zh_prints_chinese_problems(bad, args):
    r = critmin(*args, bad)
    assert r.returncode == 1, r.stdout + r.stderr
    assert ZH_COUNTRY in r.stdout and ZH_NUMBER in r.stdout
    assert "  → 2 个错误，0 个警告：不能导入" in r.stdout
    assert "ERROR" not in r.stdout and "Traceback" not in r.stdout + r.stderr


def test_lang_en_prints_english_even_in_a_chinese_locale(bad):
    r = critmin("--lang", "en", "validate", bad, LANG="zh_CN.UTF-8")
    assert r.returncode == 1
    assert EN_COUNTRY in r.stdout and EN_NUMBER in r.stdout
    assert "  → 2 error(s), 0 warning(s): cannot be imported" in r.stdout
    assert "错误" not in r.stdout


@pytest.mark.parametrize("env", [{"LANG": "zh_CN.UTF-8"}, {"LC_ALL": "zh_CN.UTF-8"}, {"CRITMIN_LANG": "zh"}])
def test_the_locale_decides_without_lang(bad, env):
    r = critmin("validate", bad, **env)
    assert ZH_COUNTRY in r.stdout and ZH_NUMBER in r.stdout


def test_no_locale_is_english(bad):
    r = critmin("validate", bad)
    assert EN_COUNTRY in r.stdout and EN_NUMBER in r.stdout


def test_compute_and_import_speak_chinese(tmp_path):
    good = tmp_path / "production.csv"
    good.write_text(GOOD, encoding="utf-8")
    r = critmin("--lang", "zh", "compute", good, "-o", tmp_path / "out.xlsx")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "说明：未计算进口依存度：没有供需平衡数据（产量、进口量、出口量）。" in r.stdout
    assert "已写入 " in r.stdout and "→ 0 个错误，0 个警告：可以导入" in r.stdout
    project = tmp_path / "p.critmin"
    r = critmin("import", good, "--project", project, "--lang", "zh")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "production.csv：2 行中有 2 行新增或更新（第 1 次导入）。" in r.stdout
    assert "相同内容已导入过" in critmin("import", good, "-p", project, CRITMIN_LANG="zh").stdout


def test_an_unknown_language_is_a_usage_error(bad):
    assert critmin("--lang", "fr", "validate", bad).returncode == 2
