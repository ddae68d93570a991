"""Refresh the Qt translation sources and compile them.

    python scripts/update_translations.py

1. ``pyside6-lupdate`` collects every ``tr()`` string of desktop/ui into
   desktop/resources/translations/critmin_zh_CN.ts (existing translations are kept);
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
TS = REPO / "desktop" / "resources" / "translations" / "critmin_zh_CN.ts"

ZH = {
    "%1: %2": "%1：%2",
    "Clear %1": "清除%1",
    "%1 choices": "%1选项",
    "More tools": "更多工具",
    "Add a row for the next year after the current one": "在当前行之后添加下一年份的一行",
    "Delete the selected rows (Edit ▸ Undo brings them back)": "删除所选行（“编辑 ▸ 撤销”可恢复）",
    "Row %1, column '%2': a plain number is expected here.": "第 %1 行，列“%2”：此处应为普通数字。",
    "Sorting": "正在排序",
    # -- main window: title, menus, actions, toolbar, status bar --------------------------------------------
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
    "&New Project…": "新建项目(&N)…",
    "&Open Project…": "打开项目(&O)…",
    "Open &Recent": "最近打开(&R)",
    "Save Project &As…": "项目另存为(&A)…",
    "&Import Data…": "导入数据(&I)…",
    "Export &Data Workbook…": "导出数据工作簿(&D)…",
    "Export &Results…": "导出结果(&R)…",
    "&Close Project": "关闭项目(&C)",
    "&Edit": "编辑(&E)",
    "Undo": "撤销",
    "Redo": "重做",
    "&Copy": "复制(&C)",
    "&Paste": "粘贴(&P)",
    "&Find…": "查找(&F)…",
    "Add &Row": "添加行(&R)",
    "&Delete Rows": "删除行(&D)",
    "Pre&ferences…": "首选项(&F)…",
    "&View": "视图(&V)",
    "&Data": "数据(&D)",
    "&Aliases…": "名称映射(&A)…",
    "&Analysis": "分析(&A)",
    "&Recompute": "重新计算(&R)",
    "Data &Sources": "数据来源(&S)",
    "Create an empty project file": "新建一个空的项目文件",
    "Open a project file": "打开项目文件",
    "Save a copy of the project and continue working in the copy": "保存项目的副本，并在副本中继续工作",
    "Import Excel or CSV files into the project": "将 Excel 或 CSV 文件导入项目",
    "Write the project's data as a template workbook": "将项目数据写出为模板工作簿",
    "Compute and write the results workbook": "计算并写出结果工作簿",
    "Compute every indicator from the project's data": "根据项目数据计算全部指标",
    "The project's own names for minerals and countries": "本项目自定义的矿种和国家名称",
    "Cancel": "取消",
    "Cancel the running task": "取消正在运行的任务",
    "Views": "视图",
    "Data": "数据",
    "Banner": "横幅",
    "Hide this message": "隐藏此消息",
    "Minerals": "矿种",
    "Parameters": "参数",
    "Details": "详情",
    "Problems": "问题",
    "Main toolbar": "主工具栏",
    "Country": "国家",
    "Assessed country": "评估国家",
    "Status": "状态",
    "Progress": "进度",
    "No project open — File ▸ New Project… or Open Project…": "未打开项目 — 请使用“文件 ▸ 新建项目…”或“打开项目…”",
    "1 mineral": "1 个矿种",
    "%1 minerals": "%1 个矿种",
    "computed %1 ago": "计算于 %1前",
    "all changes saved": "所有更改已保存",
    "saving…": "正在保存…",
    "%1 s": "%1 秒",
    "%1 min": "%1 分钟",
    "%1 h": "%1 小时",
    "CritMin demo": "CritMin 示例",
    "Preparing the demo project": "正在准备示例项目",
    "%1: the project file was not found.": "%1：找不到项目文件。",
    "This is the demo project, built from public data (USGS, World Bank, World Mining Data). To analyse your own "
    "data: File ▸ Import Data… or drop Excel/CSV files on this window.":
        "这是示例项目，基于公开数据（USGS、世界银行、World Mining Data）构建。如需分析您自己的数据，"
        "请使用“文件 ▸ 导入数据…”，或将 Excel/CSV 文件拖放到此窗口。",
    "New Project": "新建项目",
    "Open Project": "打开项目",
    "Save Project As": "项目另存为",
    "CritMin projects (%1)": "CritMin 项目 (%1)",
    "No recent projects": "没有最近打开的项目",
    "(missing)": "（已不存在）",
    "Remove Missing Files": "移除已不存在的文件",
    "Clear List": "清空列表",
    "%1 no longer exists. Remove it from the list?": "%1 已不存在。要将其从列表中移除吗？",
    "Open or create a project first: imported data are written into a project.":
        "请先打开或新建项目：导入的数据将写入项目。",
    "Computing indicators": "正在计算指标",
    "Computed %1 tables in %2 s": "已计算 %1 张表，用时 %2 秒",
    "reading the project": "正在读取项目",
    "Export Results": "导出结果",
    "Export Data Workbook": "导出数据工作簿",
    "Excel workbook (*.xlsx)": "Excel 工作簿 (*.xlsx)",
    "Excel workbook (*.xlsx);;CSV files, one per table (*.csv)": "Excel 工作簿 (*.xlsx);;CSV 文件，每张表一个 (*.csv)",
    "writing the workbook": "正在写出工作簿",
    "Exporting results": "正在导出结果",
    "Exporting data": "正在导出数据",
    "Wrote %1": "已写入 %1",
    "<h3>CritMin %1</h3><p>Critical-mineral supply-chain security workbench.</p><p>Works offline; every change "
    "is saved in the project file as it is made.</p><p>Log file: %2</p>":
        "<h3>CritMin %1</h3><p>关键矿产供应链安全分析工作台。</p><p>无需联网即可使用；每项更改都会即时保存到项目文件中。</p>"
        "<p>日志文件：%2</p>",

    # -- Help ▸ Data Sources -------------------------------------------------------------------------------
    "Data Sources": "数据来源",
    "## Data in the demo project\n\n"
    "- **Production** — World Mining Data, Austrian Federal Ministry of Finance.\n"
    "- **Reserves, balance, critical-mineral lists** — U.S. Geological Survey, Mineral Commodity Summaries 2025 "
    "(US public domain).\n"
    "- **Prices** — World Bank Commodity Price Data (Pink Sheet), CC BY 4.0.\n"
    "- **Governance** — World Bank Worldwide Governance Indicators, CC BY 4.0.\n"
    "- **Recycling (EoL-RIR)** — EU critical raw materials assessment 2023.\n\n"
    "Every import of your own is listed with its file, format and content hash on the Data ▸ Sources tab.":
        "## 示例项目中的数据\n\n"
        "- **产量** — World Mining Data（世界矿业数据），奥地利联邦财政部。\n"
        "- **储量、供需平衡、关键矿产清单** — 美国地质调查局（USGS），Mineral Commodity Summaries 2025"
        "（美国公有领域）。\n"
        "- **价格** — 世界银行大宗商品价格数据（Pink Sheet），CC BY 4.0。\n"
        "- **治理** — 世界银行全球治理指标（WGI），CC BY 4.0。\n"
        "- **回收（EoL-RIR）** — 欧盟 2023 年关键原材料评估。\n\n"
        "您自己的每次导入都会连同其文件、格式和内容哈希列在“数据 ▸ 来源”标签页中。",

    # -- Data view, tables, details ------------------------------------------------------------------------
    "Data tables": "数据表",
    "Sources": "来源",
    "Country filter": "国家筛选",
    "First year": "起始年份",
    "Last year": "结束年份",
    "Find in table (Ctrl+F)": "在表中查找（Ctrl+F）",
    "Find in table": "在表中查找",
    "Rows shown": "显示的行数",
    "Add Row": "添加行",
    "Delete Rows": "删除行",
    "Country:": "国家：",
    "Years:": "年份：",
    "All countries": "所有国家",
    "updating…": "正在更新…",
    "%1 of %2 rows": "%1 / %2 行",
    "Reading %1": "正在读取 %1",
    "Value not accepted": "无法接受此值",
    "Add row": "添加行",
    "Paste the new rows below the last row (Ctrl+V): rows past the end are added.":
        "请将新行粘贴到最后一行的下方（Ctrl+V）：超出末尾的行会被添加。",
    "edited by hand": "手动编辑",
    "The pasted block has %1 columns; only %2 fit from column '%3'.": "粘贴的区域有 %1 列，但从“%3”列起只能容纳 %2 列。",
    "'%1' cannot be edited: it says which import a row came from.": "“%1”不能编辑：它记录该行来自哪一次导入。",
    "Row %1, column '%2': ": "第 %1 行，“%2”列：",
    "Row %1 would be a new row, but it has no %2.": "第 %1 行将作为新行添加，但缺少%2。",
    "Edit %1": "编辑“%1”",
    "Paste 1 cell": "粘贴 1 个单元格",
    "Paste %1 cells": "粘贴 %1 个单元格",
    "'%1' cannot be empty: it identifies the row. Delete the row instead.":
        "“%1”不能为空：它用于标识该行。如需去掉，请删除该行。",
    "Clear 1 cell": "清除 1 个单元格",
    "Clear %1 cells": "清除 %1 个单元格",
    "Delete 1 row": "删除 1 行",
    "Delete %1 rows": "删除 %1 行",
    "Select a cell to see where its value comes from.": "选中一个单元格，即可查看其数值的来源。",
    "Source: edited by hand in this project.": "来源：在本项目中手动编辑。",
    "Source: import #%1": "来源：第 %1 次导入",

    # -- Minerals and Parameters docks ---------------------------------------------------------------------
    "Mineral list": "矿种清单",
    "Filter minerals": "筛选矿种",
    "All": "全选",
    "Check all minerals": "勾选全部矿种",
    "None": "全不选",
    "Uncheck all minerals": "取消勾选全部矿种",
    "All minerals in the project": "项目中的全部矿种",
    "The country whose import dependency D is assessed (all countries if none).":
        "评估其对外依存度 D 的国家（未选择时评估所有国家）。",
    "Analysis years": "分析年份",
    "all years, or e.g. 2015-2024": "全部年份，或如 2015-2024",
    "The analysis period; earlier years still feed windows and trends.": "分析期；更早的年份仍用于滑动窗口和趋势。",
    "Window N (years)": "窗口 N（年）",
    "Market dynamics M: the number of years in the moving window.": "市场动态 M：滑动窗口包含的年数。",
    "WGI bound": "WGI 界限",
    "Governance Γ: WGI estimates are rescaled from ±bound to 0..1.": "治理 Γ：WGI 估计值从 ±界限 换算到 0..1。",
    "Threshold method": "阈值方法",
    "How the thresholds of D, M and R are set.": "D、M 和 R 的阈值如何确定。",
    "Midpoint": "中点法",
    "Distance": "距离法",
    "Preset 0.29": "预设 0.29",
    "Withheld values": "保密数值",
    "What a withheld (W) value means for import dependency.": "计算对外依存度时如何处理保密（W）数值。",
    "Exclude": "排除",
    "Last known value": "最近的已知值",
    "Use the bound": "使用界限值",
    "Window N:": "窗口 N：",
    "WGI bound:": "WGI 界限：",
    "Thresholds:": "阈值：",
    "Withheld (W):": "保密（W）：",

    # -- Preferences, Aliases --------------------------------------------------------------------------------
    "Preferences": "首选项",
    "Language": "语言",
    "Follow the system": "跟随系统",
    "Theme": "主题",
    "Light": "浅色",
    "Dark": "深色",
    "Language:": "语言：",
    "Theme:": "主题：",
    "A new language takes effect when CritMin is started again.": "新的语言将在重新启动 CritMin 后生效。",
    "Aliases": "名称映射",
    "Names your files use that CritMin maps to its minerals and countries. They are saved in this project; the "
    "import wizard adds them.":
        "您的文件中使用的名称及其在 CritMin 中对应的矿种和国家。这些别名保存在本项目中，由导入向导添加。",
    "Remove Alias": "删除别名",
    "Remove alias '%1'": "删除别名“%1”",
    "Mineral": "矿种",
    "Name in the file": "文件中的名称",
    "Means": "对应为",

    # -- project document, tasks, undo -----------------------------------------------------------------------
    "Opening %1": "正在打开 %1",
    "Saving a copy as %1": "正在将副本保存为 %1",
    "No project is open.": "没有打开的项目。",
    "Cancelled.": "已取消。",
    "Undo %1": "撤销“%1”",
    "The file could not be read or written%1: %2.": "无法读取或写入文件%1：%2。",

    # -- Problems dock, Sources table, table and column titles -------------------------------------------
    # (called through an alias ``t = QCoreApplication.translate``: ready for when lupdate sees them)
    "Note": "提示",
    "Error": "错误",
    "Warning": "警告",
    "Severity": "严重程度",
    "Where": "位置",
    "What": "内容",
    "(found %1)": "（实际为 %1）",
    "(expected %1)": "（应为%1）",
    "Format": "格式",
    "Rows per table": "各表行数",
    "Content hash (SHA-256)": "内容哈希（SHA-256）",
    "Imported": "导入时间",
    "File: %1": "文件：%1",
    "Format: %1": "格式：%1",
    "Imported: %1": "导入时间：%1",
    "Content hash: %1": "内容哈希：%1",
    "Production": "产量",
    "Balance": "供需平衡",
    "Prices": "价格",
    "Governance": "治理",
    "Reserves": "储量",
    "Recycling": "回收",
    "Lists": "清单",
    "Chain risk": "产业链风险",
    "USGS net import reliance": "USGS 净进口依存度",
    "Real prices": "实际价格",
    "Trade unit values": "贸易单位价值",
    "Trade flows": "贸易流量",
    "Year": "年份",
    "Stage": "环节",
    "Quantity": "数量",
    "Unit": "单位",
    "Imports": "进口量",
    "Exports": "出口量",
    "Net imports": "净进口量",
    "Price": "价格",
    "Indicator": "指标",
    "Estimate": "估计值",
    "EoL-RIR": "EoL-RIR",
    "Stream": "资源链",
    "Dimension": "风险维度",
    "Score": "评分",
    "List": "清单",
    "Net import reliance": "净进口依存度",
    "Exporter": "出口国",
    "Importer": "进口国",
    "Value (kUSD)": "金额（千美元）",
    "Quantity (t)": "数量（吨）",
    "Source file": "来源文件",
    "mine": "矿山",
    "refinery": "精炼",
    "mining": "开采",
    "processing": "加工冶炼",
    "use": "使用",
    "recycling": "回收",
    "W: withheld by the publisher to avoid disclosing company data": "W：发布方为避免披露企业数据而未公布（保密）",
    "NA: not available": "NA：无数据",
    "E: net exporter": "E：净出口国",
    "More than the number shown (a bound)": "大于所示数值（界限值）",
    "Less than the number shown (a bound)": "小于所示数值（界限值）",
    "A range: the lower bound is stored": "区间：保存的是下限",

    # -- import wizard (desktop/ui/views/import_wizard.py, desktop/ui/models/wizard_models.py) ---------------
    "%1 %": "%1%",
    "%1 (recogniser '%2', confidence %3 %)": "%1（识别器“%2”，置信度 %3%）",
    "%1 already imported with the same content.": "%1 个文件已以相同内容导入过。",
    "%1 could not be read: remove it or read it again.": "无法读取 %1：请移除或重新读取。",
    "%1 errors": "%1 个错误",
    "%1 errors in %2 files — see Problems": "%2 个文件中有 %1 个错误 — 见“问题”",
    "%1 rows": "%1 行",
    "%1 warnings — see Problems.": "%1 个警告 — 见“问题”。",
    "%1: %2 (%3 rows)": "%1：%2（%3 行）",
    "%1: %2 rows": "%1：%2 行",
    "%1: 1 row": "%1：1 行",
    "%1: not a table file (use .xlsx, .xls, .ods or .csv).": "%1：不是表格文件（请使用 .xlsx、.xls、.ods 或 .csv）。",
    "%2 errors in %1 — see Problems": "%1 中有 %2 个错误 — 见“问题”",
    "'%1' is not a known %2.": "“%1”不是已知的%2。",
    "(the whole file)": "（整个文件）",
    "1 error": "1 个错误",
    "1 error in %1 — see Problems": "%1 中有 1 个错误 — 见“问题”",
    "1 row": "1 行",
    "1 warning — see Problems.": "1 个警告 — 见“问题”。",
    "A guess: check it, and save the right name as an alias if it is wrong.": "这是推测：请核对；如有误，请将正确名称保存为别名。",
    "Add Files to Import": "添加要导入的文件",
    "Add Files…": "添加文件…",
    "Add the files to import (Add Files…), or drop them on this window.": "请添加要导入的文件（添加文件…），或将文件拖放到此窗口。",
    "As written in the file": "文件中的写法",
    "Cells Around Row %1 — %2": "第 %1 行附近的单元格 — %2",
    "Cells around the problem": "问题附近的单元格",
    "Cells of %1": "%1 的单元格",
    "Choose a %1 from the list first.": "请先从列表中选择一个%1。",
    "Choose the files to import, or drop them here. Nothing is written to the project until you press Import, and Edit → Undo takes an import back.":
        "选择要导入的文件，或将文件拖放到此处。按“导入”之前不会向项目写入任何内容；“编辑 → 撤销”可撤回一次导入。",
    "Choose the right one and save it as an alias.": "请选择正确的名称并保存为别名。",
    "Close": "关闭",
    "Column": "列",
    "Confidence": "置信度",
    "Correct This Name…": "更正此名称…",
    "Correct this name on the Names page": "在“名称”页更正此名称",
    "Could not be read": "无法读取",
    "Countries": "国家",
    "Did you mean %1?": "您是否指 %1？",
    "Double-click to see the cells around it.": "双击查看其附近的单元格。",
    "Errors block the import; warnings and notes do not. Double-click a problem to see the cells around it.":
        "错误会阻止导入，警告和提示不会。双击某个问题可查看其附近的单元格。",
    "Expected": "应为",
    "Expected: %1.": "应为：%1。",
    "File": "文件",
    "Files to import": "要导入的文件",
    "Filter names": "筛选名称",
    "Filter names…": "筛选名称…",
    "Found: “%1”.": "实际为：“%1”。",
    "HS code": "HS 编码",
    "How the names in the files were matched to CritMin's minerals and countries. Unknown and guessed names come first: select one to correct it.":
        "文件中的名称如何对应到 CritMin 的矿种和国家。未知和推测的名称排在最前：选中一项即可更正。",
    "Import": "导入",
    "Import %1 files": "导入 %1 个文件",
    "Import 1 file": "导入 1 个文件",
    "Import Data": "导入数据",
    "Import cancelled; the project is unchanged.": "导入已取消，项目未改动。",
    "Import status": "导入状态",
    "Import status icon": "导入状态图标",
    "Imported %2 files: %1 rows added or updated.": "已导入 %2 个文件：新增或更新 %1 行。",
    "Imported 1 file: %1 rows added or updated.": "已导入 1 个文件：新增或更新 %1 行。",
    "Importing %1": "正在导入 %1",
    "Kind": "类别",
    "Map the name to": "将名称对应到",
    "Map to:": "对应到：",
    "Mapped to": "对应到",
    "Message": "说明",
    "Name mappings": "名称对应",
    "Names": "名称",
    "Names (%1 to check)": "名称（%1 项待核对）",
    "No rows to import": "没有可导入的行",
    "Not read (cancelled)": "未读取（已取消）",
    "Notes on what was recognised": "识别说明",
    "Notes: how the files were read": "说明：文件是如何读取的",
    "Nothing was imported; the project is unchanged. %1": "未导入任何内容，项目未改动。%1",
    "Only names to check": "仅显示待核对的名称",
    "Open or create a project first: data are imported into a project.": "请先打开或新建项目：数据将导入到项目中。",
    "Preview pages": "预览页",
    "Problems (%1 errors)": "问题（%1 个错误）",
    "Problems (%1 warnings)": "问题（%1 个警告）",
    "Problems (1 error)": "问题（1 个错误）",
    "Problems (1 warning)": "问题（1 个警告）",
    "Read Again": "重新读取",
    "Reading %1…": "正在读取 %1…",
    "Reading progress": "读取进度",
    "Reading status": "读取状态",
    "Reading the files": "正在读取文件",
    "Reading the files…": "正在读取文件…",
    "Reading…": "正在读取…",
    "Ready to import %1 rows from %2 files.": "可以导入：来自 %2 个文件的 %1 行。",
    "Ready to import %1 rows from 1 file.": "可以导入：来自 1 个文件的 %1 行。",
    "Ready · %1 warnings": "就绪 · %1 个警告",
    "Ready · 1 warning": "就绪 · 1 个警告",
    # -- import wizard: leaving out the rows with errors
    "Leave out the rows with errors": "不导入有错误的行",
    "Leave out the rows with errors (1 row)": "不导入有错误的行（1 行）",
    "Leave out the rows with errors (%1 rows)": "不导入有错误的行（%1 行）",
    "Import without the rows that have errors: the files are read again and each row left out is listed on the "
    "Rows Left Out page. Uncheck to read them with every row.":
        "导入时不含有错误的行：文件将重新读取，每个未导入的行都列在“未导入的行”页上。取消勾选则按全部行重新读取。",
    "1 row with an error is left out.": "有错误的 1 行未导入。",
    "%1 rows with errors are left out.": "有错误的 %1 行未导入。",
    "Ready · 1 row left out": "就绪 · 1 行未导入",
    "Ready · %1 rows left out": "就绪 · %1 行未导入",
    "each names a row: fix them in the file, or leave out the rows with errors (see Problems)":
        "每个错误都指明了行：请在文件中修正，或不导入有错误的行（见“问题”）",
    "the rows with errors are left out (see Rows Left Out); uncheck “Leave out the rows with errors” to keep them":
        "有错误的行未导入（见“未导入的行”）；取消勾选“不导入有错误的行”即可保留它们",
    "Reason": "原因",
    "Recognised as": "识别为",
    "Remember this spelling in the project: this file and every later import use it (Edit → Undo takes it back).":
        "在项目中记住此写法：本文件及以后的每次导入都会使用（“编辑 → 撤销”可撤回）。",
    "Remove": "移除",
    "Remove the selected files": "移除所选文件",
    "Remove the selected files from this import": "从本次导入中移除所选文件",
    "Row": "行",
    "Row numbers": "行号",
    "Row numbers as Excel shows them; the highlighted cell is the one the problem names.": "行号与 Excel 显示的一致；突出显示的单元格即问题所指的单元格。",
    "Rows": "行数",
    "Rows Left Out": "未导入的行",
    "Rows Left Out (%1)": "未导入的行（%1）",
    "Rows left out": "未导入的行",
    "Rows read into": "读入的表",
    "Save Alias “%1” → %2": "保存别名“%1”→ %2",
    "Save as Alias": "保存为别名",
    "Saving the alias…": "正在保存别名…",
    "Select a name above to correct it: choose the right mineral or country and save the spelling as an alias of this project.":
        "在上方选中一个名称即可更正：选择正确的矿种或国家，并将此写法保存为本项目的别名。",
    "Select a problem to read it in full.": "选中一个问题可查看完整说明。",
    "Sheet": "工作表",
    "Sheets and their recognised format": "工作表及识别出的格式",
    "Sheets: the format CritMin recognised in each": "工作表：CritMin 识别出的格式",
    "Show Cells…": "查看单元格…",
    "Show only unknown and guessed names": "仅显示未知和推测的名称",
    "Show the cells around the problem": "查看问题附近的单元格",
    "Some files were not read.": "有些文件未读取。",
    "Stop Reading": "停止读取",
    "Summary": "概要",
    "Table": "表",
    "Tables (*.xlsx *.xls *.xlsm *.ods *.csv *.tsv *.txt);;All files (*)": "表格 (*.xlsx *.xls *.xlsm *.ods *.csv *.tsv *.txt);;所有文件 (*)",
    "Tables to import": "要导入的表",
    "Tables: what Import will add or update": "表：导入将新增或更新的内容",
    "The file has no column “%1”: the row is highlighted.": "文件中没有“%1”列：已突出显示该行。",
    "The files hold no rows to import — see Summary and Rows Left Out.": "这些文件中没有可导入的行 — 见“概要”和“未导入的行”。",
    "The problem": "问题",
    "The problem is in the header row (row %1).": "问题位于表头行（第 %1 行）。",
    "The selected name": "所选名称",
    "The selected problem": "所选问题",
    "These rows are not imported, each with its reason: totals, notes, empty values and rows CritMin cannot use. Double-click a line to see its first row in the file.":
        "这些行不会导入，每条都注明原因：合计、注释、空值以及 CritMin 无法使用的行。双击一行可查看文件中对应的第一行。",
    "Type a name in English or Chinese, or a code": "输入中文或英文名称，或代码",
    "Units": "单位",
    "Value": "值",
    "Waiting…": "等待中…",
    "Years": "年份",
    "and %1 more rows": "另有 %1 行",
    "column": "列",
    "country": "国家",
    "is %1. To map it elsewhere, choose another and save the alias.": "对应为 %1。如需改为其他对应，请另选并保存别名。",
    "is not a known %1, so its rows cannot be imported.": "不是已知的%1，因此其所在行无法导入。",
    "is read by the file's layout; it cannot be changed here.": "其含义由文件的版式决定，无法在此更改。",
    "mineral": "矿种",
    "no rows": "无数据行",
    "not known — choose below": "未知 — 请在下方选择",
    "not recognised": "未识别",
    "not recognised — skipped": "未识别 — 已跳过",
    "the file cannot be imported until they are fixed (see Problems)": "修正之前该文件无法导入（见“问题”）",
    "unit": "单位",
    "was guessed to be %1. If that is wrong, choose the right one.": "被推测为 %1。如有误，请选择正确的名称。",
    "“%1” (%2, %3 in %4)": "“%1”（%2，%4 中 %3）",
    "“%1” already maps to %2.": "“%1”已对应到 %2。",
    "The names changed since the files were read.": "读取文件后名称对应已更改。",
    "Read the files again (Read Again): the names changed since they were read.": "请重新读取文件（重新读取）：读取后名称对应已更改。",

    # -- Overview, Indicators, Details, Parameters (issue 11) ----------------------------------------------
    # (desktop/ui/views/overview_view.py, indicators_view.py, indicator_titles.py, docks/details.py, docks/parameters.py)
    "Overview": "总览",
    "Indicators": "指标",
    "&Overview": "总览(&O)",
    "&Indicators": "指标(&I)",
    "Year shown": "显示年份",
    "The year the Overview shows": "总览所显示的年份",
    "recomputing…": "正在重新计算…",
    "Out of date — recomputing…": "已过时 — 正在重新计算…",
    "Out of date": "已过时",
    "Overview title": "总览标题",
    "Overview note": "总览说明",
    "Indicator note": "指标说明",
    "Indicator:": "指标：",
    "Indicator results": "指标结果",
    "Indicator plots": "指标图表",
    "Criticality table": "关键性表",
    "Criticality chart": "关键性象限图",
    "criticality chart %1": "关键性象限图 %1",
    "The criticality chart appears when the indicators are computed.": "指标计算完成后将显示关键性象限图。",
    "The time series appear when the indicators are computed.": "指标计算完成后将显示时间序列。",
    "Select a mineral to see its production shares by country.": "选择一个矿种，即可查看其各国产量份额。",
    "Time series": "时间序列",
    "Time series plot": "时间序列图",
    "Production shares": "产量份额",
    "Production shares plot": "产量份额图",
    "%1: production shares by country": "%1：各国产量份额",
    "others": "其他",
    "threshold of %1": "%1 阈值",
    "Open a project with data: the indicators are computed by themselves.": "请打开含数据的项目：指标会自动计算。",
    "No results for this indicator: its inputs are not in the project, or not for the selected minerals (see "
    "Problems).":
        "此指标没有结果：项目中缺少其输入数据，或所选矿种缺少这些数据（见“问题”）。",
    "The plot shows the first %1 of %2 series: check fewer minerals in the Minerals panel.":
        "图中只显示 %2 条序列中的前 %1 条：请在“矿种”面板中少勾选一些矿种。",
    "The results have no year with D, M or R.": "结果中没有任何年份有 D、M 或 R。",
    "The largest producer at the stage shown": "所示环节的最大生产国",
    "The trend of D over the years": "D 历年的趋势",
    "The trend of M over the years": "M 历年的趋势",
    "The trend of R over the years": "R 历年的趋势",
    "How many of D, M and R are at or above their thresholds": "D、M、R 中达到或高于各自阈值的个数",
    "Stage shown: %1": "所示环节：%1",
    "D for %1": "%1的 D",
    "Minerals of the selection without D, M, R or HHI in %1: %2.": "所选矿种中 %1 年没有 D、M、R 或 HHI 的：%2 个。",
    "Choose an assessed country (toolbar) to see its import dependency D.":
        "请在工具栏中选择评估国家，即可查看其对外依存度 D。",
    "Not on the chart (no D or no R): %1.": "未在图中显示（缺少 D 或 R）：%1 个。",
    "There is no computed value here: its inputs are missing (see the flags and Problems).":
        "此处没有计算值：缺少其输入数据（见标记和“问题”）。",
    "Flags": "标记",
    # -- indicator names, short titles and meanings (desktop/ui/indicator_titles.py)
    "Import dependency D": "对外依存度 D",
    "Market dynamics M": "市场动态 M",
    "Supply risk R": "供应风险 R",
    "Concentration HHI": "集中度 HHI",
    "Governance Γ": "治理 Γ",
    "Production growth G": "产量增长 G",
    "Criticality potential C": "关键性潜力 C",
    "Top-1 producer share": "最大生产国份额",
    "Top-3 producers' share": "前三大生产国份额",
    "Reserve years (R/P)": "储采比年限（R/P）",
    "Supply-security category": "供应安全类型",
    "Recycled-adjusted supply risk": "计入再生后的供应风险",
    "EU supply risk SR": "欧盟供应风险 SR",
    "GeoPolRisk score": "GeoPolRisk 评分",
    "Demand scenarios: supply gap": "需求情景：供应缺口",
    "Top-1 share": "最大生产国份额",
    "Top-3 share": "前三大生产国份额",
    "R/P years": "储采比年限",
    "Category": "类型",
    "R (recycled)": "R（再生）",
    "Gap": "缺口",
    "Share of the assessed country's supply that is imported: D = net imports / (production + net imports), 0 "
    "for a net exporter.":
        "评估国家的供应中来自进口的份额：D = 净进口量 / (产量 + 净进口量)，净出口国为 0。",
    "Price volatility: the standard deviation of the window's annual prices divided by their mean, min-max scaled "
    "over all minerals and years.":
        "价格波动性：窗口内各年价格的标准差除以其均值，并在所有矿种和年份范围内做最小-最大归一化。",
    "Governance-weighted concentration of production: R = Σ S² · Γ over producing countries (S share, Γ "
    "governance), min-max scaled.":
        "经治理加权的产量集中度：对各生产国求和 R = Σ S² · Γ（S 为份额，Γ 为治理），并做最小-最大归一化。",
    "Herfindahl–Hirschman index of production: the sum of the squared country shares (1 = a single producer).":
        "产量的赫芬达尔–赫希曼指数：各国份额的平方和（1 = 仅有一个生产国）。",
    "Weak governance of a country: the geometric mean of the six WGI estimates rescaled so that 1 is the worst.":
        "国家治理的薄弱程度：六项 WGI 估计值换算为以 1 表示最差后的几何平均值。",
    "Annual growth of world production over n years, G = (Pₜ / Pₜ₋ₙ)^(1/n), scaled 0..1.":
        "n 年间全球产量的年均增长，G = (Pₜ / Pₜ₋ₙ)^(1/n)，换算到 0..1。",
    "Criticality potential: supply risk, production growth and market dynamics combined.":
        "关键性潜力：综合供应风险、产量增长和市场动态。",
    "Share of world production of the largest producer.": "最大生产国占全球产量的份额。",
    "Share of world production of the three largest producers.": "前三大生产国占全球产量的份额。",
    "Reserves divided by production: the years current production could last.":
        "储量除以产量：按当前产量可维持的年数。",
    "Supply-security type from import dependency, supply risk and the domestic production and reserves base.":
        "根据对外依存度、供应风险以及国内产量和储量基础确定的供应安全类型。",
    "Supply risk after the recycled stream: R × (1 − EoL-RIR), the end-of-life recycling input rate.":
        "计入再生资源后的供应风险：R × (1 − EoL-RIR)，EoL-RIR 为报废回收投入率。",
    "EU criticality method: SR = (HHI-WGI of global supply and of sourcing, by import reliance) × substitution × "
    "(1 − EoL-RIR); 1 is the EU threshold.":
        "欧盟关键性方法：SR = (全球供应和采购来源的 HHI-WGI，按进口依存度加权) × 替代性 × (1 − EoL-RIR)；"
        "1 为欧盟阈值。",
    "GeoPolRisk: production concentration × the import shares weighted by the partners' political stability.":
        "GeoPolRisk：产量集中度 × 按贸易伙伴政治稳定性加权的进口份额。",
    "Demand scenarios: supply required by the demand multiplier in the target year minus the supply projected "
    "from the observed growth.":
        "需求情景：目标年份按需求倍数所需的供应量，减去按已观测增长推算的供应量。",
    "rising": "上升",
    "falling": "下降",
    "stable": "平稳",
    "volatile": "波动",
    "rose, then fell": "先升后降",
    "fell, then rose": "先降后升",
    "too few years for a trend": "年份太少，无法判断趋势",
    # -- results-table column titles
    "R (raw)": "R（原始值）",
    "M (raw)": "M（原始值）",
    "Prices in window": "窗口内价格数",
    "WGI indicators": "WGI 指标数",
    "Coverage": "覆盖率",
    "Share": "份额",
    "Top producer": "最大生产国",
    "Top share": "最大生产国份额",
    "Top producers": "主要生产国",
    "Trend": "趋势",
    "Threshold": "阈值",
    "At or above threshold": "达到或高于阈值",
    "Trend D": "D 趋势",
    "Trend M": "M 趋势",
    "Trend R": "R 趋势",
    "Γ year": "Γ 年份",
    "Input": "输入项",
    "Used": "是否采用",
    "Rank": "排名",
    "Name": "名称",
    "Mean": "均值",
    "Std. dev.": "标准差",
    "State": "状态",
    # -- Parameters dock: threshold methods, extended indicators
    "Core indicators": "核心指标",
    "Manual value": "手动设定值",
    "Midpoint of the two cluster centres of the values (k-means with two clusters).":
        "取数值两个聚类中心的中点（两类 k-means 聚类）。",
    "Distance between the two cluster centres, as the reference paper describes it.":
        "按参考文献的描述，取两个聚类中心之间的距离。",
    "The reference paper's supply-risk threshold 0.29.": "参考文献中的供应风险阈值 0.29。",
    "A value of your own, typed in the field below.": "在下方输入框中填写的自定义数值。",
    "Manual threshold": "手动阈值",
    "The threshold of M and R when the method is 'Manual value' (0..1).": "方法为“手动设定值”时 M 和 R 的阈值（0..1）。",
    "Manual threshold:": "手动阈值：",
    "Extended indicators": "扩展指标",
    "Top-k producers": "前 k 大生产国",
    "Concentration: the top-k share adds up the k largest producers.": "集中度：前 k 大份额为最大的 k 个生产国的份额之和。",
    "Growth years n": "增长年数 n",
    "Production growth G = (Pₜ / Pₜ₋ₙ)^(1/n) over this many years.": "按此年数计算产量增长 G = (Pₜ / Pₜ₋ₙ)^(1/n)。",
    "Reserve warning (years)": "储量预警（年）",
    "Reserves that last fewer years of production than this are a warning.": "储量按产量可维持的年数少于此值时予以预警。",
    "Categories: high R from": "类型：高 R 起始值",
    "Supply-security categories: R at or above this counts as high supply risk.":
        "供应安全类型：R 达到或高于此值即视为高供应风险。",
    "Demand target year": "需求目标年份",
    "Demand scenarios: the year the demand multipliers reach.": "需求情景：需求倍数所对应的目标年份。",
    "Demand multipliers": "需求倍数",
    "Demand in the target year ÷ demand in the base year, per mineral (default: IEA Global Critical Minerals "
    "Outlook 2024).":
        "各矿种目标年份需求 ÷ 基准年份需求（默认值：IEA《全球关键矿产展望 2024》）。",
    "Multiplier": "倍数",
    "Top-k:": "前 k 大：",
    "Growth years:": "增长年数：",
    "Reserve warning:": "储量预警：",
    "Categories, high R:": "类型，高 R：",
    "Demand target year:": "需求目标年份：",
    "The demand multiplier of %1 is not a number.": "%1 的需求倍数不是数字。",
    # -- exporting the table and the report (desktop/ui/exports.py, main window)
    "Export Re&port…": "导出报告(&P)…",
    "Write the Overview and the core indicators of the selected list and year as a report workbook with charts":
        "将所选清单和年份的总览及核心指标写出为带图表的报告工作簿",
    "Export &Table…": "导出表格(&T)…",
    "Write the table of the current view to Excel or CSV": "将当前视图的表格写出为 Excel 或 CSV 文件",
    "Export Table…": "导出表格…",
    "Export the indicator table": "导出指标表",
    "Export the Overview table": "导出总览表",
    "Write this table to an Excel workbook or a CSV file": "将此表写出为 Excel 工作簿或 CSV 文件",
    "The table is empty: there is nothing to export.": "表格为空：没有可导出的内容。",
    "Export Table": "导出表格",
    "Excel workbook (*.xlsx);;CSV file (*.csv)": "Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)",
    "Exporting the table": "正在导出表格",
    "There is no Overview to report yet: open a project with data and wait for the indicators.":
        "尚无可写入报告的总览：请打开含数据的项目，并等待指标计算完成。",
    "Export Report": "导出报告",
    "Writing the report": "正在写出报告",
    "at or above the threshold": "达到或高于阈值",
    "below the threshold": "低于阈值",
    "threshold {value}": "阈值 {value}",
    "Thresholds: D %1, M and R %2; window N = %3; WGI bound %4": "阈值：D %1，M 和 R %2；窗口 N = %3；WGI 界限 %4",
    "Critical minerals: overview %1": "关键矿产：%1 年总览",

    "Stage:": "环节：",
    "Production stage": "生产环节",
    "The stage of the chain whose production shares are shown": "显示其产量份额的产业链环节",
    "(not named)": "（未注明）",
    # -- plots (desktop/ui/plots) -----------------------------------------------------------------------------
    "A plot can be saved as .png or .svg, not as “%1”.": "图表只能保存为 .png 或 .svg，不能保存为“%1”。",
    "Could not write %1. Check the folder and your rights to it.": "无法写入 %1。请检查该文件夹及您对它的访问权限。",
    "Value under the pointer": "指针处的数值",
    "Plot menu": "图表菜单",
    "Save as PNG…": "另存为 PNG…",
    "Save the plot as a PNG image, as sharp as on this screen": "将图表保存为 PNG 图像，清晰度与屏幕显示一致",
    "Save as SVG…": "另存为 SVG…",
    "Save the plot as an SVG drawing that stays sharp at any size": "将图表保存为 SVG 矢量图，任意尺寸下均保持清晰",
    "Copy": "复制",
    "Copy the plot as an image, to paste into a report": "将图表复制为图像，以便粘贴到报告中",
    "Show All": "显示全部",
    "Zoom out to show all the data again": "缩小以重新显示全部数据",
    "Save Plot as PNG": "将图表另存为 PNG",
    "PNG image (*.png)": "PNG 图像 (*.png)",
    "Save Plot as SVG": "将图表另存为 SVG",
    "SVG drawing (*.svg)": "SVG 矢量图 (*.svg)",
    "Plot not saved": "图表未保存",
    "Click a point to select its mineral; drag to pan, scroll to zoom": "单击某点可选中其矿种；拖动可平移，滚动可缩放",
    "Point size: %1 (hollow: no value)": "点的大小：%1（空心：无数值）",
    "no value": "无数值",
    "%1 — %2: %3, %4: %5, %6: %7": "%1 — %2：%3，%4：%5，%6：%7",
    "Production shares by country": "各国产量份额",
    "Point at a band to read the country's share in that year": "将指针移到色带上，即可读取该国在该年的份额",
    "Share of world production": "占全球产量的份额",
    "%1, %2: %3": "%1，%2：%3",
    "Indicator over time": "指标随时间变化",
    "Click a point to select its mineral and year; click a legend entry to hide its line":
        "单击某点可选中其矿种和年份；单击图例项可隐藏其曲线",
    "Log scale": "对数坐标",
    "Logarithmic y axis, for values of very different sizes; zero and below is not drawn":
        "y 轴采用对数坐标，适用于大小相差悬殊的数值；零及负值不绘制",
    "%1, %2 — %3: %4": "%1，%2 — %3：%4",
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
