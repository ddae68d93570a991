"""Refresh the Qt translation sources and compile them.

    python scripts/update_translations.py

1. ``pyside6-lupdate`` collects every ``tr()`` string of desktop/ui into
   resources/translations/critmin_zh_CN.ts (existing translations are kept);
2. strings still unfinished are filled from ZH below (the translator's table:
   edit here or in Qt Linguist);
3. ``pyside6-lrelease`` compiles the .qm file the application loads.
Unfinished strings are listed, so a missing translation is seen, not shipped.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "resources" / "translations" / "critmin_zh_CN.ts"

ZH = {
    "Critical-mineral supply-chain security workbench": "关键矿产供应链安全分析工作台",
    "<h2>CritMin 关键矿产供应链安全分析工作台</h2>": "<h2>CritMin 关键矿产供应链安全分析工作台</h2>",
    "&File": "文件(&F)",
    "&Open…": "打开(&O)…",
    "&Quit": "退出(&Q)",
    "&Help": "帮助(&H)",
    "&About CritMin": "关于 CritMin(&A)",
    "Ready": "就绪",
    "Open project or data file": "打开项目或数据文件",
    "CritMin projects and data (*.critmin *.xlsx *.xls *.csv);;All files (*)":
        "CritMin 项目和数据 (*.critmin *.xlsx *.xls *.csv);;所有文件 (*)",
    "Open a project or a data file from the File menu.": "请从“文件”菜单打开项目或数据文件。",
    "Project: %1": "项目：%1",
    "About CritMin": "关于 CritMin",
    "CritMin %1\nCritical-mineral supply-chain security workbench.\nData sources: see data/README.md.":
        "CritMin %1\n关键矿产供应链安全分析工作台。\n数据来源：见 data/README.md。",
    "An internal error occurred; details were written to %1.": "发生内部错误，详细信息已写入 %1。",
}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def main() -> int:
    sources = sorted(str(p) for p in (REPO / "desktop" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(TS), "-source-language", "en",
                    "-target-language", "zh_CN", "-no-obsolete"], check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            if source in ZH:
                translation.text = ZH[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
