<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../ui/widgets/accessibility.py" line="17" />
        <source>Clear %1</source>
        <translation>清除%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/accessibility.py" line="21" />
        <source>%1 choices</source>
        <translation>%1选项</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/accessibility.py" line="26" />
        <source>More tools</source>
        <translation>更多工具</translation>
    </message>
</context>
<context>
    <name>AliasesDialog</name>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="57" />
        <location filename="../../ui/dialogs/aliases.py" line="62" />
        <source>Aliases</source>
        <translation>名称映射</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="65" />
        <source>Names your files use that CritMin maps to its minerals and countries. They are saved in this project; the import wizard adds them.</source>
        <translation>您的文件中使用的名称及其在 CritMin 中对应的矿种和国家。这些别名保存在本项目中，由导入向导添加。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="68" />
        <location filename="../../ui/dialogs/aliases.py" line="69" />
        <source>Remove Alias</source>
        <translation>删除别名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="90" />
        <source>Remove alias '%1'</source>
        <translation>删除别名“%1”</translation>
    </message>
</context>
<context>
    <name>AliasesModel</name>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="30" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="30" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="42" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="42" />
        <source>Name in the file</source>
        <translation>文件中的名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="42" />
        <source>Means</source>
        <translation>对应为</translation>
    </message>
</context>
<context>
    <name>CellContextDialog</name>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1191" />
        <source>Cells Around Row %1 — %2</source>
        <translation>第 %1 行附近的单元格 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1192" />
        <source>Cells of %1</source>
        <translation>%1 的单元格</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1198" />
        <source>The problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1201" />
        <source>Cells around the problem</source>
        <translation>问题附近的单元格</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1207" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1209" />
        <source>Reading status</source>
        <translation>读取状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1213" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1222" />
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1238" />
        <source>The file has no column “%1”: the row is highlighted.</source>
        <translation>文件中没有“%1”列：已突出显示该行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1241" />
        <source>The problem is in the header row (row %1).</source>
        <translation>问题位于表头行（第 %1 行）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1244" />
        <source>Row numbers as Excel shows them; the highlighted cell is the one the problem names.</source>
        <translation>行号与 Excel 显示的一致；突出显示的单元格即问题所指的单元格。</translation>
    </message>
</context>
<context>
    <name>ChangeCommand</name>
    <message>
        <location filename="../../ui/commands.py" line="44" />
        <source>Undo %1</source>
        <translation>撤销“%1”</translation>
    </message>
</context>
<context>
    <name>DataColumns</name>
    <message>
        <location filename="../../ui/titles.py" line="35" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="36" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="37" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="38" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="39" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="40" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="41" />
        <source>Production</source>
        <translation>产量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="42" />
        <source>Imports</source>
        <translation>进口量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="43" />
        <source>Exports</source>
        <translation>出口量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="44" />
        <source>Net imports</source>
        <translation>净进口量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="45" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="46" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="47" />
        <source>Estimate</source>
        <translation>估计值</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="48" />
        <source>Reserves</source>
        <translation>储量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="49" />
        <source>EoL-RIR</source>
        <translation>EoL-RIR</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="50" />
        <source>Stream</source>
        <translation>资源链</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="51" />
        <source>Dimension</source>
        <translation>风险维度</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="52" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="53" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="54" />
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="55" />
        <source>Net import reliance</source>
        <translation>净进口依存度</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="56" />
        <source>Exporter</source>
        <translation>出口国</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="57" />
        <source>Importer</source>
        <translation>进口国</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="58" />
        <source>Value (kUSD)</source>
        <translation>金额（千美元）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="59" />
        <source>Quantity (t)</source>
        <translation>数量（吨）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="60" />
        <source>Source file</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="67" />
        <source>mine</source>
        <translation>矿山</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="68" />
        <source>refinery</source>
        <translation>精炼</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="69" />
        <source>mining</source>
        <translation>开采</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="70" />
        <source>processing</source>
        <translation>加工冶炼</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="71" />
        <source>use</source>
        <translation>使用</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="72" />
        <source>recycling</source>
        <translation>回收</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="79" />
        <source>W: withheld by the publisher to avoid disclosing company data</source>
        <translation>W：发布方为避免披露企业数据而未公布（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="82" />
        <source>NA: not available</source>
        <translation>NA：无数据</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="84" />
        <source>E: net exporter</source>
        <translation>E：净出口国</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="86" />
        <source>More than the number shown (a bound)</source>
        <translation>大于所示数值（界限值）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="88" />
        <source>Less than the number shown (a bound)</source>
        <translation>小于所示数值（界限值）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="90" />
        <source>A range: the lower bound is stored</source>
        <translation>区间：保存的是下限</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="96" />
        <source>edited by hand</source>
        <translation>手动编辑</translation>
    </message>
</context>
<context>
    <name>DataSources</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="10" />
        <location filename="../../ui/dialogs/about.py" line="13" />
        <source>Data Sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="15" />
        <source>## Data in the demo project

- **Production** — World Mining Data, Austrian Federal Ministry of Finance.
- **Reserves, balance, critical-mineral lists** — U.S. Geological Survey, Mineral Commodity Summaries 2025 (US public domain).
- **Prices** — World Bank Commodity Price Data (Pink Sheet), CC BY 4.0.
- **Governance** — World Bank Worldwide Governance Indicators, CC BY 4.0.
- **Recycling (EoL-RIR)** — EU critical raw materials assessment 2023.

Every import of your own is listed with its file, format and content hash on the Data ▸ Sources tab.</source>
        <translation>## 示例项目中的数据

- **产量** — World Mining Data（世界矿业数据），奥地利联邦财政部。
- **储量、供需平衡、关键矿产清单** — 美国地质调查局（USGS），Mineral Commodity Summaries 2025（美国公有领域）。
- **价格** — 世界银行大宗商品价格数据（Pink Sheet），CC BY 4.0。
- **治理** — 世界银行全球治理指标（WGI），CC BY 4.0。
- **回收（EoL-RIR）** — 欧盟 2023 年关键原材料评估。

您自己的每次导入都会连同其文件、格式和内容哈希列在“数据 ▸ 来源”标签页中。</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <location filename="../../ui/titles.py" line="16" />
        <source>Production</source>
        <translation>产量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="17" />
        <source>Balance</source>
        <translation>供需平衡</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="18" />
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="19" />
        <source>Governance</source>
        <translation>治理</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="20" />
        <source>Reserves</source>
        <translation>储量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="21" />
        <source>Recycling</source>
        <translation>回收</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="22" />
        <source>Lists</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="23" />
        <source>Chain risk</source>
        <translation>产业链风险</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="24" />
        <source>USGS net import reliance</source>
        <translation>USGS 净进口依存度</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="25" />
        <source>Real prices</source>
        <translation>实际价格</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="26" />
        <source>Trade unit values</source>
        <translation>贸易单位价值</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="27" />
        <source>Trade flows</source>
        <translation>贸易流量</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="235" />
        <source>Data tables</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="240" />
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="245" />
        <source>Country filter</source>
        <translation>国家筛选</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="250" />
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="250" />
        <source>Last year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="257" />
        <source>Find in table (Ctrl+F)</source>
        <translation>在表中查找（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="258" />
        <source>Find in table</source>
        <translation>在表中查找</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="262" />
        <source>Rows shown</source>
        <translation>显示的行数</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="265" />
        <source>Add Row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="266" />
        <source>Add a row for the next year after the current one</source>
        <translation>在当前行之后添加下一年份的一行</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="267" />
        <source>Delete Rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="268" />
        <source>Delete the selected rows (Edit ▸ Undo brings them back)</source>
        <translation>删除所选行（“编辑 ▸ 撤销”可恢复）</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="269" />
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="271" />
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="401" />
        <source>All countries</source>
        <translation>所有国家</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="417" />
        <location filename="../../ui/views/data_view.py" line="423" />
        <source>updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="420" />
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../ui/docks/details.py" line="18" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="28" />
        <source>Select a cell to see where its value comes from.</source>
        <translation>选中一个单元格，即可查看其数值的来源。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="54" />
        <source>Source: edited by hand in this project.</source>
        <translation>来源：在本项目中手动编辑。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="56" />
        <source>Source: import #%1</source>
        <translation>来源：第 %1 次导入</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="79" />
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="80" />
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="81" />
        <source>Imported: %1</source>
        <translation>导入时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="82" />
        <source>Content hash: %1</source>
        <translation>内容哈希：%1</translation>
    </message>
</context>
<context>
    <name>DroppedModel</name>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="651" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="651" />
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="651" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="651" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="651" />
        <source>Row numbers</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="661" />
        <source>and %1 more rows</source>
        <translation>另有 %1 行</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="423" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="423" />
        <source>Recognised as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="423" />
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="423" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="427" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="427" />
        <source>Waiting…</source>
        <translation>等待中…</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="428" />
        <source>Not read (cancelled)</source>
        <translation>未读取（已取消）</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="429" />
        <source>Could not be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="432" />
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="433" />
        <source>%1 errors</source>
        <translation>%1 个错误</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="436" />
        <source>No rows to import</source>
        <translation>没有可导入的行</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="439" />
        <source>Ready · 1 row left out</source>
        <translation>就绪 · 1 行未导入</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="440" />
        <source>Ready · %1 rows left out</source>
        <translation>就绪 · %1 行未导入</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="443" />
        <source>Ready · 1 warning</source>
        <translation>就绪 · 1 个警告</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="444" />
        <source>Ready · %1 warnings</source>
        <translation>就绪 · %1 个警告</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="446" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="454" />
        <source>not recognised</source>
        <translation>未识别</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="464" />
        <source>each names a row: fix them in the file, or leave out the rows with errors (see Problems)</source>
        <translation>每个错误都指明了行：请在文件中修正，或不导入有错误的行（见“问题”）</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="466" />
        <source>the file cannot be imported until they are fixed (see Problems)</source>
        <translation>修正之前该文件无法导入（见“问题”）</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="469" />
        <source>the rows with errors are left out (see Rows Left Out); uncheck “Leave out the rows with errors” to keep them</source>
        <translation>有错误的行未导入（见“未导入的行”）；取消勾选“不导入有错误的行”即可保留它们</translation>
    </message>
</context>
<context>
    <name>ImportWizardDialog</name>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="213" />
        <location filename="../../ui/views/import_wizard.py" line="214" />
        <source>Import Data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="236" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="237" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="251" />
        <source>Choose the files to import, or drop them here. Nothing is written to the project until you press Import, and Edit → Undo takes an import back.</source>
        <translation>选择要导入的文件，或将文件拖放到此处。按“导入”之前不会向项目写入任何内容；“编辑 → 撤销”可撤回一次导入。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="265" />
        <source>Files to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="271" />
        <location filename="../../ui/views/import_wizard.py" line="272" />
        <source>Add Files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="274" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="275" />
        <source>Remove the selected files</source>
        <translation>移除所选文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="276" />
        <source>Remove the selected files from this import</source>
        <translation>从本次导入中移除所选文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="286" />
        <source>Preview pages</source>
        <translation>预览页</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="307" />
        <source>Reading the files</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="309" />
        <source>Reading progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="310" />
        <location filename="../../ui/views/import_wizard.py" line="311" />
        <location filename="../../ui/views/import_wizard.py" line="759" />
        <location filename="../../ui/views/import_wizard.py" line="760" />
        <source>Stop Reading</source>
        <translation>停止读取</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="322" />
        <source>Import status icon</source>
        <translation>导入状态图标</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="324" />
        <source>Import status</source>
        <translation>导入状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="327" />
        <location filename="../../ui/views/import_wizard.py" line="328" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="331" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="345" />
        <location filename="../../ui/views/import_wizard.py" line="346" />
        <location filename="../../ui/views/import_wizard.py" line="726" />
        <source>Leave out the rows with errors</source>
        <translation>不导入有错误的行</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="347" />
        <source>Import without the rows that have errors: the files are read again and each row left out is listed on the Rows Left Out page. Uncheck to read them with every row.</source>
        <translation>导入时不含有错误的行：文件将重新读取，每个未导入的行都列在“未导入的行”页上。取消勾选则按全部行重新读取。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="362" />
        <location filename="../../ui/views/import_wizard.py" line="849" />
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="378" />
        <source>Sheets and their recognised format</source>
        <translation>工作表及识别出的格式</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="380" />
        <source>Tables to import</source>
        <translation>要导入的表</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="383" />
        <source>Notes on what was recognised</source>
        <translation>识别说明</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="385" />
        <source>Sheets: the format CritMin recognised in each</source>
        <translation>工作表：CritMin 识别出的格式</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="386" />
        <source>Tables: what Import will add or update</source>
        <translation>表：导入将新增或更新的内容</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="387" />
        <source>Notes: how the files were read</source>
        <translation>说明：文件是如何读取的</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="394" />
        <location filename="../../ui/views/import_wizard.py" line="852" />
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="396" />
        <source>How the names in the files were matched to CritMin's minerals and countries. Unknown and guessed names come first: select one to correct it.</source>
        <translation>文件中的名称如何对应到 CritMin 的矿种和国家。未知和推测的名称排在最前：选中一项即可更正。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="401" />
        <source>Only names to check</source>
        <translation>仅显示待核对的名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="402" />
        <source>Show only unknown and guessed names</source>
        <translation>仅显示未知和推测的名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="405" />
        <source>Filter names…</source>
        <translation>筛选名称…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="406" />
        <source>Filter names</source>
        <translation>筛选名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="414" />
        <source>Name mappings</source>
        <translation>名称对应</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="423" />
        <source>The selected name</source>
        <translation>所选名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="428" />
        <source>Map to:</source>
        <translation>对应到：</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="432" />
        <source>Map the name to</source>
        <translation>将名称对应到</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="435" />
        <source>Type a name in English or Chinese, or a code</source>
        <translation>输入中文或英文名称，或代码</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="442" />
        <location filename="../../ui/views/import_wizard.py" line="443" />
        <source>Save as Alias</source>
        <translation>保存为别名</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="444" />
        <source>Remember this spelling in the project: this file and every later import use it (Edit → Undo takes it back).</source>
        <translation>在项目中记住此写法：本文件及以后的每次导入都会使用（“编辑 → 撤销”可撤回）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="458" />
        <location filename="../../ui/views/import_wizard.py" line="465" />
        <source>Rows left out</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="460" />
        <source>These rows are not imported, each with its reason: totals, notes, empty values and rows CritMin cannot use. Double-click a line to see its first row in the file.</source>
        <translation>这些行不会导入，每条都注明原因：合计、注释、空值以及 CritMin 无法使用的行。双击一行可查看文件中对应的第一行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="472" />
        <location filename="../../ui/views/import_wizard.py" line="479" />
        <location filename="../../ui/views/import_wizard.py" line="868" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="474" />
        <source>Errors block the import; warnings and notes do not. Double-click a problem to see the cells around it.</source>
        <translation>错误会阻止导入，警告和提示不会。双击某个问题可查看其附近的单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="486" />
        <source>The selected problem</source>
        <translation>所选问题</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="491" />
        <source>Show Cells…</source>
        <translation>查看单元格…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="492" />
        <source>Show the cells around the problem</source>
        <translation>查看问题附近的单元格</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="494" />
        <source>Correct This Name…</source>
        <translation>更正此名称…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="495" />
        <source>Correct this name on the Names page</source>
        <translation>在“名称”页更正此名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="551" />
        <source>%1: not a table file (use .xlsx, .xls, .ods or .csv).</source>
        <translation>%1：不是表格文件（请使用 .xlsx、.xls、.ods 或 .csv）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="556" />
        <source>Add Files to Import</source>
        <translation>添加要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="557" />
        <source>Tables (*.xlsx *.xls *.xlsm *.ods *.csv *.tsv *.txt);;All files (*)</source>
        <translation>表格 (*.xlsx *.xls *.xlsm *.ods *.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="647" />
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="648" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="728" />
        <source>Leave out the rows with errors (1 row)</source>
        <translation>不导入有错误的行（1 行）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="730" />
        <source>Leave out the rows with errors (%1 rows)</source>
        <translation>不导入有错误的行（%1 行）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="762" />
        <source>The names changed since the files were read.</source>
        <translation>读取文件后名称对应已更改。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="763" />
        <source>Some files were not read.</source>
        <translation>有些文件未读取。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="764" />
        <location filename="../../ui/views/import_wizard.py" line="765" />
        <source>Read Again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="851" />
        <source>Names (%1 to check)</source>
        <translation>名称（%1 项待核对）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="855" />
        <source>Rows Left Out (%1)</source>
        <translation>未导入的行（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="856" />
        <source>Rows Left Out</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="860" />
        <source>Problems (1 error)</source>
        <translation>问题（1 个错误）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="861" />
        <source>Problems (%1 errors)</source>
        <translation>问题（%1 个错误）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="864" />
        <source>Problems (1 warning)</source>
        <translation>问题（1 个警告）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="865" />
        <source>Problems (%1 warnings)</source>
        <translation>问题（%1 个警告）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="878" />
        <source>Open or create a project first: data are imported into a project.</source>
        <translation>请先打开或新建项目：数据将导入到项目中。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="880" />
        <source>Add the files to import (Add Files…), or drop them on this window.</source>
        <translation>请添加要导入的文件（添加文件…），或将文件拖放到此窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="882" />
        <source>Reading the files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="884" />
        <source>Read the files again (Read Again): the names changed since they were read.</source>
        <translation>请重新读取文件（重新读取）：读取后名称对应已更改。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="887" />
        <source>Saving the alias…</source>
        <translation>正在保存别名…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="890" />
        <source>%1 could not be read: remove it or read it again.</source>
        <translation>无法读取 %1：请移除或重新读取。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="896" />
        <source>1 error in %1 — see Problems</source>
        <translation>%1 中有 1 个错误 — 见“问题”</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="897" />
        <source>%2 errors in %1 — see Problems</source>
        <translation>%1 中有 %2 个错误 — 见“问题”</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="899" />
        <source>%1 errors in %2 files — see Problems</source>
        <translation>%2 个文件中有 %1 个错误 — 见“问题”</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="903" />
        <source>The files hold no rows to import — see Summary and Rows Left Out.</source>
        <translation>这些文件中没有可导入的行 — 见“概要”和“未导入的行”。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="905" />
        <source>Ready to import %1 rows from 1 file.</source>
        <translation>可以导入：来自 1 个文件的 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="906" />
        <source>Ready to import %1 rows from %2 files.</source>
        <translation>可以导入：来自 %2 个文件的 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="910" />
        <source>1 row with an error is left out.</source>
        <translation>有错误的 1 行未导入。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="911" />
        <source>%1 rows with errors are left out.</source>
        <translation>有错误的 %1 行未导入。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="914" />
        <source>1 warning — see Problems.</source>
        <translation>1 个警告 — 见“问题”。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="915" />
        <source>%1 warnings — see Problems.</source>
        <translation>%1 个警告 — 见“问题”。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="990" />
        <source>Select a name above to correct it: choose the right mineral or country and save the spelling as an alias of this project.</source>
        <translation>在上方选中一个名称即可更正：选择正确的矿种或国家，并将此写法保存为本项目的别名。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="997" />
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="997" />
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="998" />
        <source>“%1” (%2, %3 in %4)</source>
        <translation>“%1”（%2，%4 中 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1001" />
        <source>is read by the file's layout; it cannot be changed here.</source>
        <translation>其含义由文件的版式决定，无法在此更改。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1003" />
        <source>is not a known %1, so its rows cannot be imported.</source>
        <translation>不是已知的%1，因此其所在行无法导入。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1005" />
        <source>Did you mean %1?</source>
        <translation>您是否指 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1006" />
        <source>Choose the right one and save it as an alias.</source>
        <translation>请选择正确的名称并保存为别名。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1008" />
        <source>was guessed to be %1. If that is wrong, choose the right one.</source>
        <translation>被推测为 %1。如有误，请选择正确的名称。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1011" />
        <source>is %1. To map it elsewhere, choose another and save the alias.</source>
        <translation>对应为 %1。如需改为其他对应，请另选并保存别名。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1049" />
        <source>Choose a %1 from the list first.</source>
        <translation>请先从列表中选择一个%1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1052" />
        <source>“%1” already maps to %2.</source>
        <translation>“%1”已对应到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1055" />
        <source>Save Alias “%1” → %2</source>
        <translation>保存别名“%1”→ %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1072" />
        <source>Select a problem to read it in full.</source>
        <translation>选中一个问题可查看完整说明。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1079" />
        <source>Found: “%1”.</source>
        <translation>实际为：“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1081" />
        <source>Expected: %1.</source>
        <translation>应为：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1101" />
        <source>%1: %2 (%3 rows)</source>
        <translation>%1：%2（%3 行）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1139" />
        <source>Import 1 file</source>
        <translation>导入 1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1139" />
        <source>Import %1 files</source>
        <translation>导入 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1149" />
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1162" />
        <source>Import cancelled; the project is unchanged.</source>
        <translation>导入已取消，项目未改动。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1164" />
        <source>Nothing was imported; the project is unchanged. %1</source>
        <translation>未导入任何内容，项目未改动。%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1174" />
        <source>Imported 1 file: %1 rows added or updated.</source>
        <translation>已导入 1 个文件：新增或更新 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1175" />
        <source>Imported %2 files: %1 rows added or updated.</source>
        <translation>已导入 %2 个文件：新增或更新 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1178" />
        <source>%1 already imported with the same content.</source>
        <translation>%1 个文件已以相同内容导入过。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="324" />
        <source>Critical-mineral supply-chain security workbench</source>
        <translation>关键矿产供应链安全分析工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61" />
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>Banner</source>
        <translation>横幅</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <location filename="../../ui/main_window.py" line="98" />
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>All minerals in the project</source>
        <translation>项目中的全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>Minerals</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147" />
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>Create an empty project file</source>
        <translation>新建一个空的项目文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149" />
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>Open a project file</source>
        <translation>打开项目文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151" />
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152" />
        <source>Save a copy of the project and continue working in the copy</source>
        <translation>保存项目的副本，并在副本中继续工作</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>&amp;Import Data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>Import Excel or CSV files into the project</source>
        <translation>将 Excel 或 CSV 文件导入项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <source>Export &amp;Data Workbook…</source>
        <translation>导出数据工作簿(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156" />
        <source>Write the project's data as a template workbook</source>
        <translation>将项目数据写出为模板工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157" />
        <source>Export &amp;Results…</source>
        <translation>导出结果(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158" />
        <source>Compute and write the results workbook</source>
        <translation>计算并写出结果工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159" />
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168" />
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169" />
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170" />
        <source>Add &amp;Row</source>
        <translation>添加行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172" />
        <source>&amp;Delete Rows</source>
        <translation>删除行(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>&amp;Recompute</source>
        <translation>重新计算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>Compute every indicator from the project's data</source>
        <translation>根据项目数据计算全部指标</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178" />
        <source>&amp;Aliases…</source>
        <translation>名称映射(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>The project's own names for minerals and countries</source>
        <translation>本项目自定义的矿种和国家名称</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180" />
        <source>Data &amp;Sources</source>
        <translation>数据来源(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <location filename="../../ui/main_window.py" line="271" />
        <location filename="../../ui/main_window.py" line="272" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183" />
        <source>Cancel the running task</source>
        <translation>取消正在运行的任务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <location filename="../../ui/main_window.py" line="221" />
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224" />
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231" />
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>Assessed country</source>
        <translation>评估国家</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342" />
        <source>No project open — File ▸ New Project… or Open Project…</source>
        <translation>未打开项目 — 请使用“文件 ▸ 新建项目…”或“打开项目…”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346" />
        <source>1 mineral</source>
        <translation>1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346" />
        <source>%1 minerals</source>
        <translation>%1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="350" />
        <source>computed %1 ago</source>
        <translation>计算于 %1前</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="351" />
        <source>all changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="351" />
        <source>saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427" />
        <source>CritMin demo</source>
        <translation>CritMin 示例</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="448" />
        <source>Preparing the demo project</source>
        <translation>正在准备示例项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="453" />
        <source>%1: the project file was not found.</source>
        <translation>%1：找不到项目文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466" />
        <source>This is the demo project, built from public data (USGS, World Bank, World Mining Data). To analyse your own data: File ▸ Import Data… or drop Excel/CSV files on this window.</source>
        <translation>这是示例项目，基于公开数据（USGS、世界银行、World Mining Data）构建。如需分析您自己的数据，请使用“文件 ▸ 导入数据…”，或将 Excel/CSV 文件拖放到此窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483" />
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484" />
        <location filename="../../ui/main_window.py" line="499" />
        <location filename="../../ui/main_window.py" line="507" />
        <source>CritMin projects (%1)</source>
        <translation>CritMin 项目 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="498" />
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506" />
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527" />
        <source>No recent projects</source>
        <translation>没有最近打开的项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532" />
        <source>(missing)</source>
        <translation>（已不存在）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="544" />
        <source>Remove Missing Files</source>
        <translation>移除已不存在的文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545" />
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="548" />
        <source>%1 no longer exists. Remove it from the list?</source>
        <translation>%1 已不存在。要将其从列表中移除吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="580" />
        <source>Open or create a project first: imported data are written into a project.</source>
        <translation>请先打开或新建项目：导入的数据将写入项目。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="645" />
        <source>Computed %1 tables in %2 s</source>
        <translation>已计算 %1 张表，用时 %2 秒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="648" />
        <source>Computing indicators</source>
        <translation>正在计算指标</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="660" />
        <source>Export Results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="662" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="671" />
        <source>writing the workbook</source>
        <translation>正在写出工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="677" />
        <location filename="../../ui/main_window.py" line="698" />
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="679" />
        <source>Exporting results</source>
        <translation>正在导出结果</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="684" />
        <source>Export Data Workbook</source>
        <translation>导出数据工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="686" />
        <source>Excel workbook (*.xlsx);;CSV files, one per table (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件，每张表一个 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="701" />
        <source>Exporting data</source>
        <translation>正在导出数据</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="721" />
        <source>&lt;h3&gt;CritMin %1&lt;/h3&gt;&lt;p&gt;Critical-mineral supply-chain security workbench.&lt;/p&gt;&lt;p&gt;Works offline; every change is saved in the project file as it is made.&lt;/p&gt;&lt;p&gt;Log file: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CritMin %1&lt;/h3&gt;&lt;p&gt;关键矿产供应链安全分析工作台。&lt;/p&gt;&lt;p&gt;无需联网即可使用；每项更改都会即时保存到项目文件中。&lt;/p&gt;&lt;p&gt;日志文件：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="731" />
        <source>reading the project</source>
        <translation>正在读取项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="781" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="783" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="784" />
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181" />
        <source>&amp;About CritMin</source>
        <translation>关于 CritMin(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="720" />
        <source>About CritMin</source>
        <translation>关于 CritMin</translation>
    </message>
</context>
<context>
    <name>MappingsModel</name>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="561" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="561" />
        <source>As written in the file</source>
        <translation>文件中的写法</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="561" />
        <source>Mapped to</source>
        <translation>对应到</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="561" />
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="562" />
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="562" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="565" />
        <source>mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="565" />
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="565" />
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="566" />
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="566" />
        <source>HS code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="605" />
        <source>not known — choose below</source>
        <translation>未知 — 请在下方选择</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="609" />
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="616" />
        <source>'%1' is not a known %2.</source>
        <translation>“%1”不是已知的%2。</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="618" />
        <source>Did you mean %1?</source>
        <translation>您是否指 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="621" />
        <source>A guess: check it, and save the right name as an alias if it is wrong.</source>
        <translation>这是推测：请核对；如有误，请将正确名称保存为别名。</translation>
    </message>
</context>
<context>
    <name>MineralsPanel</name>
    <message>
        <location filename="../../ui/docks/minerals.py" line="87" />
        <source>Mineral list</source>
        <translation>矿种清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="89" />
        <location filename="../../ui/docks/minerals.py" line="90" />
        <source>Filter minerals</source>
        <translation>筛选矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="95" />
        <source>Minerals</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="96" />
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="97" />
        <source>Check all minerals</source>
        <translation>勾选全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="98" />
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="99" />
        <source>Uncheck all minerals</source>
        <translation>取消勾选全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="125" />
        <source>All minerals in the project</source>
        <translation>项目中的全部矿种</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <location filename="../../ui/docks/parameters.py" line="18" />
        <source>Assessed country</source>
        <translation>评估国家</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="19" />
        <source>The country whose import dependency D is assessed (all countries if none).</source>
        <translation>评估其进口依存度 D 的国家（未选择时评估所有国家）。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="21" />
        <source>Analysis years</source>
        <translation>分析年份</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="22" />
        <source>all years, or e.g. 2015-2024</source>
        <translation>全部年份，或如 2015-2024</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="23" />
        <source>The analysis period; earlier years still feed windows and trends.</source>
        <translation>分析期；更早的年份仍用于滑动窗口和趋势。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="26" />
        <source>Window N (years)</source>
        <translation>窗口 N（年）</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="27" />
        <source>Market dynamics M: the number of years in the moving window.</source>
        <translation>市场动态 M：滑动窗口包含的年数。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="31" />
        <source>WGI bound</source>
        <translation>WGI 界限</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="32" />
        <source>Governance Γ: WGI estimates are rescaled from ±bound to 0..1.</source>
        <translation>治理 Γ：WGI 估计值从 ±界限 换算到 0..1。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="34" />
        <source>Threshold method</source>
        <translation>阈值方法</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="35" />
        <source>How the thresholds of D, M and R are set.</source>
        <translation>D、M 和 R 的阈值如何确定。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="36" />
        <source>Midpoint</source>
        <translation>中点法</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="36" />
        <source>Distance</source>
        <translation>距离法</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="37" />
        <source>Preset 0.29</source>
        <translation>预设 0.29</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="40" />
        <source>Withheld values</source>
        <translation>保密数值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="41" />
        <source>What a withheld (W) value means for import dependency.</source>
        <translation>计算进口依存度时如何处理保密（W）数值。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="42" />
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="42" />
        <source>Last known value</source>
        <translation>最近的已知值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="43" />
        <source>Use the bound</source>
        <translation>使用界限值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="45" />
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="46" />
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="47" />
        <source>Window N:</source>
        <translation>窗口 N：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="48" />
        <source>WGI bound:</source>
        <translation>WGI 界限：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="49" />
        <source>Thresholds:</source>
        <translation>阈值：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="50" />
        <source>Withheld (W):</source>
        <translation>保密（W）：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="60" />
        <source>All countries</source>
        <translation>所有国家</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="11" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="13" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="14" />
        <location filename="../../ui/dialogs/preferences.py" line="20" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="19" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="20" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="21" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="25" />
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="26" />
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="27" />
        <source>A new language takes effect when CritMin is started again.</source>
        <translation>新的语言将在重新启动 CritMin 后生效。</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../../ui/docks/problems.py" line="15" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="16" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="17" />
        <location filename="../../ui/docks/problems.py" line="37" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="48" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="49" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="50" />
        <source>What</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="679" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="679" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="679" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="679" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="679" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="680" />
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="680" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="680" />
        <source>Expected</source>
        <translation>应为</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="683" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="683" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="684" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="708" />
        <source>Double-click to see the cells around it.</source>
        <translation>双击查看其附近的单元格。</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../ui/docks/problems.py" line="69" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ProjectDocument</name>
    <message>
        <location filename="../../ui/document.py" line="97" />
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="154" />
        <source>Saving a copy as %1</source>
        <translation>正在将副本保存为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="167" />
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="196" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>SheetsModel</name>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="490" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="490" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="490" />
        <source>Recognised as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="490" />
        <source>Rows read into</source>
        <translation>读入的表</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="496" />
        <source>(the whole file)</source>
        <translation>（整个文件）</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="498" />
        <source>not recognised — skipped</source>
        <translation>未识别 — 已跳过</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="502" />
        <source>no rows</source>
        <translation>无数据行</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="503" />
        <source>%1: 1 row</source>
        <translation>%1：1 行</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="503" />
        <source>%1: %2 rows</source>
        <translation>%1：%2 行</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="508" />
        <source>%1 (recogniser '%2', confidence %3 %)</source>
        <translation>%1（识别器“%2”，置信度 %3%）</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <location filename="../../ui/models/sources_model.py" line="22" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/models/sources_model.py" line="23" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/models/sources_model.py" line="24" />
        <source>Rows per table</source>
        <translation>各表行数</translation>
    </message>
    <message>
        <location filename="../../ui/models/sources_model.py" line="25" />
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/models/sources_model.py" line="26" />
        <source>Content hash (SHA-256)</source>
        <translation>内容哈希（SHA-256）</translation>
    </message>
    <message>
        <location filename="../../ui/models/sources_model.py" line="27" />
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <location filename="../../ui/views/data_view.py" line="189" />
        <source>Sources</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../ui/models/frame_model.py" line="301" />
        <source>The pasted block has %1 columns; only %2 fit from column '%3'.</source>
        <translation>粘贴的区域有 %1 列，但从“%3”列起只能容纳 %2 列。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="315" />
        <source>'%1' cannot be edited: it says which import a row came from.</source>
        <translation>“%1”不能编辑：它记录该行来自哪一次导入。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="321" />
        <source>Row %1, column '%2': </source>
        <translation>第 %1 行，“%2”列：</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="327" />
        <source>Row %1, column '%2': a plain number is expected here.</source>
        <translation>第 %1 行，列“%2”：此处应为普通数字。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="337" />
        <source>Row %1 would be a new row, but it has no %2.</source>
        <translation>第 %1 行将作为新行添加，但缺少%2。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="349" />
        <source>Edit %1</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="351" />
        <source>Paste 1 cell</source>
        <translation>粘贴 1 个单元格</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="351" />
        <source>Paste %1 cells</source>
        <translation>粘贴 %1 个单元格</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="375" />
        <source>'%1' cannot be empty: it identifies the row. Delete the row instead.</source>
        <translation>“%1”不能为空：它用于标识该行。如需去掉，请删除该行。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="393" />
        <source>Clear 1 cell</source>
        <translation>清除 1 个单元格</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="393" />
        <source>Clear %1 cells</source>
        <translation>清除 %1 个单元格</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="401" />
        <source>Delete 1 row</source>
        <translation>删除 1 行</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="401" />
        <source>Delete %1 rows</source>
        <translation>删除 %1 行</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <location filename="../../ui/views/data_view.py" line="44" />
        <source>Sorting</source>
        <translation>正在排序</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="82" />
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="104" />
        <source>Value not accepted</source>
        <translation>无法接受此值</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="114" />
        <location filename="../../ui/views/data_view.py" line="132" />
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="115" />
        <source>Paste the new rows below the last row (Ctrl+V): rows past the end are added.</source>
        <translation>请将新行粘贴到最后一行的下方（Ctrl+V）：超出末尾的行会被添加。</translation>
    </message>
</context>
<context>
    <name>TablesModel</name>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="520" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="520" />
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="520" />
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="520" />
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="520" />
        <source>Minerals</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="521" />
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/models/wizard_models.py" line="521" />
        <source>Units</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/tasks.py" line="209" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="214" />
        <source>The file could not be read or written%1: %2.</source>
        <translation>无法读取或写入文件%1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="217" />
        <source>An internal error occurred; details were written to %1.</source>
        <translation>发生内部错误，详细信息已写入 %1。</translation>
    </message>
</context>
</TS>