"""Regenerate ``desktop/core/registry/data/countries.csv`` from ISO 3166-1.

Developer tool, not shipped: it needs ``pycountry`` (ISO 3166-1 codes, UN M49
numeric codes and the Debian iso-codes Chinese translations), which the
application itself does not depend on.  The Chinese short names that analysts
actually write (韩国, 刚果(金), 俄罗斯 ...) override the formal translations;
extra spellings of publishers live in ``country_aliases.csv`` beside the output.

Run:  python scripts/build_country_registry.py
"""
from __future__ import annotations

import csv
import gettext
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "desktop/core/registry/data/countries.csv"

# Common Chinese short names (the formal ISO translation stays as an alias).
ZH_SHORT = {
    "USA": "美国", "GBR": "英国", "RUS": "俄罗斯", "KOR": "韩国", "PRK": "朝鲜",
    "COD": "刚果(金)", "COG": "刚果(布)", "TWN": "中国台湾", "HKG": "中国香港",
    "MAC": "中国澳门", "IRN": "伊朗", "SYR": "叙利亚", "LAO": "老挝", "VNM": "越南",
    "BOL": "玻利维亚", "VEN": "委内瑞拉", "TZA": "坦桑尼亚", "MDA": "摩尔多瓦",
    "CZE": "捷克", "MKD": "北马其顿", "FSM": "密克罗尼西亚", "PSE": "巴勒斯坦",
    "CHN": "中国", "DEU": "德国", "FRA": "法国", "JPN": "日本", "IND": "印度",
    "AUS": "澳大利亚", "CAN": "加拿大", "BRA": "巴西", "ZAF": "南非", "CHL": "智利",
    "ARG": "阿根廷", "IDN": "印度尼西亚", "PHL": "菲律宾", "MMR": "缅甸",
    "KAZ": "哈萨克斯坦", "MEX": "墨西哥", "PER": "秘鲁", "TUR": "土耳其",
    "CIV": "科特迪瓦", "NLD": "荷兰", "ZMB": "赞比亚", "ZWE": "津巴布韦",
    "MNG": "蒙古", "SAU": "沙特阿拉伯", "ARE": "阿联酋", "BEL": "比利时",
}
# English names as publishers print them when ISO's is formal.
EN_SHORT = {
    "USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "KOR": "South Korea",
    "PRK": "North Korea", "COD": "DR Congo", "COG": "Republic of the Congo", "TWN": "Taiwan",
    "IRN": "Iran", "SYR": "Syria", "LAO": "Laos", "VNM": "Vietnam", "BOL": "Bolivia",
    "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova", "CZE": "Czechia",
    "FSM": "Micronesia", "PSE": "Palestine", "CIV": "Côte d'Ivoire", "BRN": "Brunei",
    "CPV": "Cabo Verde", "SWZ": "Eswatini", "TUR": "Türkiye", "VAT": "Holy See",
}


def main() -> None:
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    rows = []
    for c in pycountry.countries:
        formal_zh = zh.gettext(c.name)
        name_en = EN_SHORT.get(c.alpha_3, getattr(c, "common_name", None) or c.name)
        name_zh = ZH_SHORT.get(c.alpha_3, formal_zh)
        aliases = {c.name, getattr(c, "official_name", c.name), formal_zh, c.alpha_2}
        aliases.discard(name_en)
        aliases.discard(name_zh)
        rows.append({
            "iso3": c.alpha_3, "m49": int(c.numeric), "name_en": name_en, "name_zh": name_zh,
            "aliases": ";".join(sorted(a for a in aliases if a)),
        })
    # Kosovo has no ISO code; the World Bank uses KSV and UN statistics XKX.
    rows.append({"iso3": "XKX", "m49": "", "name_en": "Kosovo", "name_zh": "科索沃",
                 "aliases": "KSV;XK"})
    rows.sort(key=lambda r: r["iso3"])
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["iso3", "m49", "name_en", "name_zh", "aliases"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
