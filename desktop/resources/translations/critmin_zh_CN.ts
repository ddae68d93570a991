<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="166" />
        <location filename="../../ui/dialogs/about.py" line="167" />
        <source>About CritMin</source>
        <translation>关于 CritMin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="176" />
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="180" />
        <source>&lt;h3&gt;CritMin %1&lt;/h3&gt;&lt;p&gt;Critical-mineral supply-chain security workbench.&lt;/p&gt;&lt;p&gt;Licence: %2. Works offline; every change is saved in the project file as it is made.&lt;/p&gt;&lt;p&gt;Log file: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CritMin %1&lt;/h3&gt;&lt;p&gt;关键矿产供应链安全分析工作台。&lt;/p&gt;&lt;p&gt;许可协议：%2。离线运行；每项修改在完成时即已保存到项目文件中。&lt;/p&gt;&lt;p&gt;日志文件：%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="185" />
        <source>About tabs</source>
        <translation>“关于”选项卡</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="187" />
        <source>CritMin %1 runs on these components; the list is read from their installed metadata (PySide6 %2).</source>
        <translation>CritMin %1 使用以下组件运行；本列表读取自各组件已安装的元数据（PySide6 %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="190" />
        <source>About the components</source>
        <translation>组件说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="191" />
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="192" />
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="192" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="192" />
        <location filename="../../ui/dialogs/about.py" line="205" />
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="193" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="193" />
        <source>Bundled components and their licences</source>
        <translation>随附组件及其许可协议</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="198" />
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="201" />
        <source>Licence text</source>
        <translation>许可协议全文</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="202" />
        <source>The licence file is not part of this installation. CritMin is licensed under %1.</source>
        <translation>本安装中没有许可协议文件。CritMin 采用 %1 许可协议。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="207" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="208" />
        <source>Copy Table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="209" />
        <source>Copy the components and their licences as a table to paste into Excel</source>
        <translation>将组件及其许可协议复制为表格，以便粘贴到 Excel</translation>
    </message>
</context>
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
    <name>AddAliasDialog</name>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="166" />
        <source>Add Alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="168" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="169" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="170" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="171" />
        <source>Whether the name is a mineral's or a country's</source>
        <translation>该名称属于矿种还是国家</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="173" />
        <source>Name in the file</source>
        <translation>文件中的名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="174" />
        <source>The name exactly as your files write it</source>
        <translation>与文件中写法完全一致的名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="176" />
        <source>Means</source>
        <translation>对应为</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="177" />
        <source>What the name means; type part of a name to filter</source>
        <translation>该名称的含义；输入名称的一部分进行筛选</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="179" />
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="180" />
        <source>Name in the file:</source>
        <translation>文件中的名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="181" />
        <source>Means:</source>
        <translation>含义：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="184" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="188" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="189" />
        <source>Save the alias in this project</source>
        <translation>将别名保存到本项目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="213" />
        <source>Type the name your files use.</source>
        <translation>请输入文件中使用的名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="215" />
        <source>Choose what the name means from the list.</source>
        <translation>请从列表中选择该名称的含义。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="221" />
        <source>“%1” means %2 now; in this project it will mean the name chosen here.</source>
        <translation>“%1”目前指%2；在本项目中它将指此处所选的名称。</translation>
    </message>
</context>
<context>
    <name>AddMineralDialog</name>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="139" />
        <source>Add Mineral</source>
        <translation>添加矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="144" />
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="144" />
        <source>Required; the mineral's id is made from it</source>
        <translation>必填；矿种标识由它生成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="145" />
        <source>Chinese name:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="145" />
        <source>Optional; imports and pastes find it too</source>
        <translation>可选；导入和粘贴时也能识别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="146" />
        <source>Symbol:</source>
        <translation>符号：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="146" />
        <source>Optional, e.g. an element symbol</source>
        <translation>可选，例如元素符号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="147" />
        <source>Group:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="147" />
        <source>Optional, e.g. rare_earth or ministry</source>
        <translation>可选，例如 rare_earth 或 ministry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="148" />
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="148" />
        <source>Optional: where the category comes from</source>
        <translation>可选：该类别的出处</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="155" />
        <source>Id and problems</source>
        <translation>标识与问题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="158" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="159" />
        <source>Add the mineral to the project</source>
        <translation>将该矿种添加到项目</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="177" />
        <source>Type the mineral's English name.</source>
        <translation>请输入矿种的英文名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="180" />
        <source>The English name needs Latin letters or digits: the id is made from them.</source>
        <translation>英文名称需要包含拉丁字母或数字：标识由它们生成。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="182" />
        <source>The id “%1” is a mineral already.</source>
        <translation>标识“%1”已是一个矿种。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="193" />
        <source>Its id will be “%1”.</source>
        <translation>其标识将为“%1”。</translation>
    </message>
</context>
<context>
    <name>AddMineralsDialog</name>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="229" />
        <source>Add Minerals to “%1”</source>
        <translation>向“%1”添加矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="235" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="16" />
        <source>Alert Rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="17" />
        <source>Alert rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="21" />
        <source>A threshold is crossed</source>
        <translation>越过阈值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="22" />
        <source>D, M or R crosses its threshold between two consecutive years: upward is high, downward is low</source>
        <translation>D、M 或 R 在相邻两年之间越过其阈值：向上越过为高，向下越过为低</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="24" />
        <source>A metric worsens year on year</source>
        <translation>指标同比恶化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="25" />
        <source>D, M or R rises by more than the amount or the percentage below (medium)</source>
        <translation>D、M 或 R 的上升幅度超过下方设定的数值或百分比（中）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="26" />
        <source>A trend is rising or persistently high</source>
        <translation>趋势上升或持续偏高</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="27" />
        <source>From the trends over the selected years (medium)</source>
        <translation>根据所选年份内的趋势（中）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="28" />
        <source>A risk-matrix level rises</source>
        <translation>风险矩阵等级上升</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="29" />
        <source>A cell or an aggregate of the risk matrix is a level higher than the year before (medium)</source>
        <translation>风险矩阵的某个单元格或汇总比上一年高一个等级（中）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="31" />
        <source>A policy event starts</source>
        <translation>政策事件开始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="32" />
        <source>An event of the events table starts that year: high for a ban, medium otherwise</source>
        <translation>事件表中的某个事件于当年开始：禁令为高，其他为中</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="33" />
        <source>One country's share passes a level</source>
        <translation>单一国家份额超过水平</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="34" />
        <source>A single country's production share passes the level below (high)</source>
        <translation>单一国家的产量份额超过下方设定的水平（高）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="44" />
        <location filename="../../ui/dialogs/alert_rules.py" line="48" />
        <source>Rise by more than</source>
        <translation>上升超过</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="45" />
        <source>The absolute year-on-year rise (D, M and R are 0 to 1); 0 = off</source>
        <translation>同比上升的绝对值（D、M 和 R 取值 0 到 1）；0 = 关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="46" />
        <location filename="../../ui/dialogs/alert_rules.py" line="49" />
        <source>or by more than (%)</source>
        <translation>或上升超过（%）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="47" />
        <source>The rise in per cent of the previous year's value; 0 = off</source>
        <translation>上升幅度占上一年值的百分比；0 = 关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="51" />
        <location filename="../../ui/dialogs/alert_rules.py" line="53" />
        <source>Share level (%)</source>
        <translation>份额水平（%）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/alert_rules.py" line="52" />
        <source>The production share of one country that raises an alert</source>
        <translation>触发预警的单一国家产量份额</translation>
    </message>
</context>
<context>
    <name>AlertsModel</name>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="37" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="37" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="38" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="39" />
        <source>What changed</source>
        <translation>变化内容</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="40" />
        <source>From → to</source>
        <translation>由 → 至</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="40" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="44" />
        <source>High: a threshold crossed upward, a ban, a dominant supplier; medium: a worsening or a trend; low: a threshold crossed downward</source>
        <translation>高：向上越过阈值、禁令、主导供应国；中：恶化或趋势；低：向下越过阈值</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="47" />
        <source>The year the change happened</source>
        <translation>发生变化的年份</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="48" />
        <source>The mineral the alert is about</source>
        <translation>预警所涉矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="49" />
        <source>What changed, in one sentence; double-click or press Enter to open its source</source>
        <translation>一句话说明变化；双击或按 Enter 键打开其来源</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="51" />
        <source>The value the year before and the value this year</source>
        <translation>上一年的值与本年的值</translation>
    </message>
    <message>
        <location filename="../../ui/models/alerts_model.py" line="52" />
        <source>The rule that raised the alert (Rules… sets them)</source>
        <translation>触发预警的规则（在“规则…”中设置）</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="54" />
        <location filename="../../ui/views/alerts_view.py" line="180" />
        <location filename="../../ui/views/alerts_view.py" line="274" />
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="55" />
        <source>Alerts title</source>
        <translation>预警标题</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="59" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="59" />
        <source>Show the alerts of one severity only</source>
        <translation>仅显示某一严重程度的预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="60" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="60" />
        <source>Show the alerts of one mineral only</source>
        <translation>仅显示某一矿种的预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="61" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="61" />
        <source>Show the alerts of one rule only</source>
        <translation>仅显示某一规则的预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="63" />
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="64" />
        <source>Alert rules</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="65" />
        <source>Choose which rules raise alerts and their amounts and levels</source>
        <translation>选择由哪些规则触发预警，并设置其数值和水平</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="68" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="69" />
        <source>Export the alerts</source>
        <translation>导出预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="70" />
        <source>Write the alerts as shown to an Excel workbook</source>
        <translation>将当前显示的预警写出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="73" />
        <source>Alert count</source>
        <translation>预警数量</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="80" />
        <source>Alerts table</source>
        <translation>预警表</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="81" />
        <source>Double-click an alert or press Enter to open where it comes from</source>
        <translation>双击预警或按 Enter 键打开其来源</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="95" />
        <source>Severity:</source>
        <translation>严重程度：</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="95" />
        <source>Mineral:</source>
        <translation>矿种：</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="96" />
        <source>Rule:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="119" />
        <source>All severities</source>
        <translation>所有严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="120" />
        <source>All rules</source>
        <translation>所有规则</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="180" />
        <source>All minerals with data</source>
        <translation>有数据的全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="187" />
        <source>All minerals</source>
        <translation>所有矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="206" />
        <source>The alerts appear when the indicators are computed.</source>
        <translation>指标计算完成后将显示预警。</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="209" />
        <source>No alerts for this selection and these rules.</source>
        <translation>在当前选择和规则下没有预警。</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="213" />
        <source>%1 of %2 alerts shown · %3 high</source>
        <translation>显示 %1 / %2 条预警 · 高 %3 条</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="266" />
        <source>Export Alerts</source>
        <translation>导出预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="266" />
        <source>alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="267" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="281" />
        <source>Exporting the alerts</source>
        <translation>正在导出预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/alerts_view.py" line="286" />
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>AliasesDialog</name>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="232" />
        <location filename="../../ui/dialogs/aliases.py" line="239" />
        <source>Aliases</source>
        <translation>名称映射</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="240" />
        <source>Double-click what a name means to change it</source>
        <translation>双击名称的含义以进行修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="243" />
        <source>Names your files use that CritMin maps to its minerals and countries. They are saved in this project; the import wizard adds them.</source>
        <translation>您的文件中使用的名称及其在 CritMin 中对应的矿种和国家。这些别名保存在本项目中，由导入向导添加。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="246" />
        <source>Add Alias…</source>
        <translation>添加别名…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="247" />
        <source>Add Alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="248" />
        <source>Tell CritMin what a name in your files means</source>
        <translation>告诉 CritMin 文件中某个名称的含义</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="250" />
        <location filename="../../ui/dialogs/aliases.py" line="251" />
        <source>Remove Alias</source>
        <translation>删除别名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="252" />
        <source>Forget the selected aliases</source>
        <translation>删除所选别名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="257" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="258" />
        <source>Close; every change is saved already</source>
        <translation>关闭；所有修改均已保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="290" />
        <source>Add alias '%1'</source>
        <translation>添加别名“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="298" />
        <source>Change alias '%1'</source>
        <translation>修改别名“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="305" />
        <source>Remove alias '%1'</source>
        <translation>删除别名“%1”</translation>
    </message>
</context>
<context>
    <name>AliasesModel</name>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="96" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="96" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="108" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="108" />
        <source>Name in the file</source>
        <translation>文件中的名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="108" />
        <source>Means</source>
        <translation>对应为</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="124" />
        <source>Double-click to choose what this name means</source>
        <translation>双击选择该名称的含义</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message>
        <location filename="../../ui/analysis.py" line="74" />
        <source>Computing indicators</source>
        <translation>正在计算指标</translation>
    </message>
    <message>
        <location filename="../../ui/analysis.py" line="132" />
        <source>reading the project</source>
        <translation>正在读取项目</translation>
    </message>
</context>
<context>
    <name>CellContextDialog</name>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1192" />
        <source>Cells Around Row %1 — %2</source>
        <translation>第 %1 行附近的单元格 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1193" />
        <source>Cells of %1</source>
        <translation>%1 的单元格</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1199" />
        <source>The problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1202" />
        <source>Cells around the problem</source>
        <translation>问题附近的单元格</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1208" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1210" />
        <source>Reading status</source>
        <translation>读取状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1214" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1223" />
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1239" />
        <source>The file has no column “%1”: the row is highlighted.</source>
        <translation>文件中没有“%1”列：已突出显示该行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1242" />
        <source>The problem is in the header row (row %1).</source>
        <translation>问题位于表头行（第 %1 行）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1245" />
        <source>Row numbers as Excel shows them; the highlighted cell is the one the problem names.</source>
        <translation>行号与 Excel 显示的一致；突出显示的单元格即问题所指的单元格。</translation>
    </message>
</context>
<context>
    <name>ChangeCommand</name>
    <message>
        <location filename="../../ui/commands.py" line="44" />
        <location filename="../../ui/commands.py" line="125" />
        <source>Undo %1</source>
        <translation>撤销“%1”</translation>
    </message>
</context>
<context>
    <name>CompareListsDialog</name>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="57" />
        <location filename="../../ui/dialogs/compare_lists.py" line="58" />
        <source>Compare Lists</source>
        <translation>比较清单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="64" />
        <source>Lists to compare</source>
        <translation>要比较的清单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="65" />
        <source>Tick two or more lists to compare them</source>
        <translation>勾选两个或更多清单进行比较</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="70" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="71" />
        <source>&amp;Lists to compare:</source>
        <translation>要比较的清单(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="91" />
        <source>Membership table</source>
        <translation>清单归属表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="92" />
        <source>A tick marks a mineral on a list; click a column header to sort</source>
        <translation>勾号表示该矿种在清单上；点击列标题排序</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="97" />
        <source>Select all minerals</source>
        <translation>全选矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="109" />
        <source>Lists, table and chart</source>
        <translation>清单、表格和图表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="118" />
        <source>Comparison summary</source>
        <translation>比较摘要</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="121" />
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="123" />
        <location filename="../../ui/dialogs/compare_lists.py" line="124" />
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="125" />
        <source>Save the membership table as an Excel workbook or a CSV file</source>
        <translation>将归属表保存为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="131" />
        <source>Close the comparison</source>
        <translation>关闭比较</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="170" />
        <source>Tick two or more lists to compare them.</source>
        <translation>请勾选两个或更多清单进行比较。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="174" />
        <source>%1 on at least one of the %2 lists; %3 on all of them.</source>
        <translation>%1至少列入 %2 个清单之一；%3 个列入全部清单。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="201" />
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="208" />
        <source>Exporting the comparison</source>
        <translation>正在导出比较结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="220" />
        <source>1 mineral</source>
        <translation>1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="220" />
        <source>%1 minerals</source>
        <translation>%1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="245" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="245" />
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="246" />
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="255" />
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/compare_lists.py" line="262" />
        <source>Table not exported</source>
        <translation>表格未导出</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="28" />
        <source>Share of world supply</source>
        <translation>占世界供应份额</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="29" />
        <source>World market supply</source>
        <translation>世界市场供应量</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="30" />
        <source>HHI (concentration)</source>
        <translation>HHI（集中度）</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="31" />
        <source>R (supply risk)</source>
        <translation>R（供应风险）</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="32" />
        <source>D (import dependency)</source>
        <translation>D（对外依存度）</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="33" />
        <source>Supply-security category</source>
        <translation>供应安全类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="34" />
        <source>Risk matrix (weakest link)</source>
        <translation>风险矩阵（最薄弱环节）</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="35" />
        <source>Risk matrix by stage</source>
        <translation>风险矩阵（按环节）</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="36" />
        <source>Alerts this year</source>
        <translation>本年预警数</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="37" />
        <source>Required supply</source>
        <translation>所需供应量</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="38" />
        <source>Supply gap</source>
        <translation>供应缺口</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="39" />
        <source>Coverage of demand</source>
        <translation>需求覆盖率</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="46" />
        <source>Domestic advantage</source>
        <translation>国内优势型</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="47" />
        <source>Low risk</source>
        <translation>低风险型</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="48" />
        <source>Dependent, risk controlled</source>
        <translation>高依赖、风险可控型</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="49" />
        <source>Dependent, high risk</source>
        <translation>高依赖、高风险型</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="63" />
        <source>R rescaled on the baseline's min–max of R_raw</source>
        <translation>R 按基准的 R_raw 最小–最大值重新缩放</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="65" />
        <source>No trade flows: the importers' D cannot change</source>
        <translation>无贸易流数据：进口国的 D 无法变化</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="67" />
        <source>Weakest link: %1</source>
        <translation>最薄弱环节：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="71" />
        <source>Demand ×%1</source>
        <translation>需求 ×%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="89" />
        <source>%1 demand ×%2</source>
        <translation>%1需求 ×%2</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="91" />
        <source>%1 by %2</source>
        <translation>%1（至 %2 年）</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="97" />
        <source>%1–%2</source>
        <translation>%1–%2 年</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="99" />
        <source>from %1</source>
        <translation>自 %1 年起</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="101" />
        <source>%1 · %2%3: policy event %4, %5</source>
        <translation>%1 · %2%3：政策事件“%4”，%5</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="104" />
        <source>export ban</source>
        <translation>禁止出口</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="105" />
        <source>exports ×%1</source>
        <translation>出口 ×%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="109" />
        <source>%1 to %2</source>
        <translation>%1（对%2）</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="111" />
        <source>production stops</source>
        <translation>停产</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="112" />
        <source>production ×%1</source>
        <translation>产量 ×%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="113" />
        <source>%1 · %2%3: %4</source>
        <translation>%1 · %2%3：%4</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="115" />
        <source>%1 (from %2)</source>
        <translation>%1（自 %2 年起）</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="134" />
        <source>Mine</source>
        <translation>矿山</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="135" />
        <source>Refinery</source>
        <translation>精炼</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="248" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="249" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="250" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="251" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="252" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="253" />
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="256" />
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="257" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="254" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="260" />
        <source>Change: %1</source>
        <translation>变化：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="333" />
        <source>Scenario − baseline; red: supply less secure, green: more secure</source>
        <translation>情景 − 基准；红色：供应安全性降低，绿色：提高</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="356" />
        <source>Worse for supply security</source>
        <translation>不利于供应安全</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="357" />
        <source>Better for supply security</source>
        <translation>有利于供应安全</translation>
    </message>
</context>
<context>
    <name>DataColumns</name>
    <message>
        <location filename="../../ui/titles.py" line="39" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="40" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="41" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="42" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="43" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="44" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="45" />
        <source>Production</source>
        <translation>产量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="46" />
        <source>Imports</source>
        <translation>进口量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="47" />
        <source>Exports</source>
        <translation>出口量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="48" />
        <source>Net imports</source>
        <translation>净进口量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="49" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="50" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="51" />
        <source>Estimate</source>
        <translation>估计值</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="52" />
        <source>Reserves</source>
        <translation>储量</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="53" />
        <source>EoL-RIR</source>
        <translation>EoL-RIR</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="54" />
        <source>Stream</source>
        <translation>资源链</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="55" />
        <source>Dimension</source>
        <translation>风险维度</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="56" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="57" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="58" />
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="59" />
        <source>Net import reliance</source>
        <translation>净进口依存度</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="60" />
        <source>Exporter</source>
        <translation>出口国</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="61" />
        <source>Importer</source>
        <translation>进口国</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="62" />
        <source>Value (kUSD)</source>
        <translation>金额（千美元）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="63" />
        <source>Quantity (t)</source>
        <translation>数量（吨）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="64" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="65" />
        <location filename="../../ui/titles.py" line="69" />
        <source>From year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="66" />
        <source>To year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="67" />
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="68" />
        <source>Change no.</source>
        <translation>变化序号</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="70" />
        <source>Factor</source>
        <translation>系数</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="71" />
        <source>Target year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="72" />
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="73" />
        <source>Partners</source>
        <translation>出口对象</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="74" />
        <source>Policy event</source>
        <translation>政策事件</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="75" />
        <source>HS code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="76" />
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="77" />
        <source>Basis</source>
        <translation>口径</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="78" />
        <source>Source file</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="85" />
        <source>mine</source>
        <translation>矿山</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="86" />
        <source>refinery</source>
        <translation>精炼</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="87" />
        <source>mining</source>
        <translation>开采</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="88" />
        <source>processing</source>
        <translation>加工冶炼</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="89" />
        <source>use</source>
        <translation>使用</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="90" />
        <source>recycling</source>
        <translation>回收</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="97" />
        <source>W: withheld by the publisher to avoid disclosing company data</source>
        <translation>W：发布方为避免披露企业数据而未公布（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="100" />
        <source>NA: not available</source>
        <translation>NA：无数据</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="102" />
        <source>E: net exporter</source>
        <translation>E：净出口国</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="104" />
        <source>More than the number shown (a bound)</source>
        <translation>大于所示数值（界限值）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="106" />
        <source>Less than the number shown (a bound)</source>
        <translation>小于所示数值（界限值）</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="108" />
        <source>A range: the lower bound is stored</source>
        <translation>区间：保存的是下限</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="97" />
        <source>edited by hand</source>
        <translation>手动编辑</translation>
    </message>
</context>
<context>
    <name>DataSources</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="29" />
        <source>The list of the demo's sources is missing from this installation (%1 was not found).</source>
        <translation>本安装中缺少示例数据的来源列表（找不到 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="33" />
        <source>The list of the demo's sources (%1) could not be read: %2</source>
        <translation>无法读取示例数据的来源列表（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="37" />
        <source>The list of the demo's sources (%1) is not a list of sources.</source>
        <translation>示例数据的来源列表（%1）格式不正确，不是来源列表。</translation>
    </message>
</context>
<context>
    <name>DataSourcesDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="97" />
        <location filename="../../ui/dialogs/about.py" line="98" />
        <source>Data Sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="104" />
        <source>The demo project is built from these public sources. Every import of your own is listed with its file, format and content hash on the Data ▸ Sources tab.</source>
        <translation>示例项目基于以下公开数据来源构建。您自己的每次导入都会连同文件、格式和内容哈希列在“数据 ▸ 来源”选项卡中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="108" />
        <source>About the data sources</source>
        <translation>数据来源说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="111" />
        <source>Data sources message</source>
        <translation>数据来源提示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="114" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="114" />
        <source>Publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="114" />
        <source>Vintage</source>
        <translation>数据版本</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="114" />
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="115" />
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="115" />
        <source>Where to download</source>
        <translation>下载地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="121" />
        <source>Bundled data sources</source>
        <translation>随附数据来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="125" />
        <source>The selected source</source>
        <translation>所选来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="135" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="136" />
        <source>Copy Table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="137" />
        <source>Copy the sources as a table to paste into Excel</source>
        <translation>将数据来源复制为表格，以便粘贴到 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="155" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
        <location filename="../../ui/titles.py" line="28" />
        <source>Policy events</source>
        <translation>政策事件</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="29" />
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="30" />
        <source>Trade by HS code</source>
        <translation>按 HS 编码的贸易</translation>
    </message>
    <message>
        <location filename="../../ui/titles.py" line="31" />
        <source>Content factors</source>
        <translation>含量系数</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="240" />
        <source>Data tables</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="245" />
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="250" />
        <source>Country filter</source>
        <translation>国家筛选</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="255" />
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="255" />
        <source>Last year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="262" />
        <source>Find in table (Ctrl+F)</source>
        <translation>在表中查找（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="263" />
        <source>Find in table</source>
        <translation>在表中查找</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="267" />
        <source>Rows shown</source>
        <translation>显示的行数</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="270" />
        <source>Add Row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="271" />
        <source>Add a row for the next year after the current one</source>
        <translation>在当前行之后添加下一年份的一行</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="272" />
        <source>Delete Rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="273" />
        <source>Delete the selected rows (Edit ▸ Undo brings them back)</source>
        <translation>删除所选行（“编辑 ▸ 撤销”可恢复）</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="274" />
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="276" />
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="412" />
        <source>All countries</source>
        <translation>所有国家</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="428" />
        <location filename="../../ui/views/data_view.py" line="434" />
        <source>updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="431" />
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
        <location filename="../../ui/docks/details.py" line="86" />
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="88" />
        <source>Sheet %1, row %2</source>
        <translation>工作表 %1，第 %2 行</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="90" />
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="91" />
        <source>Where in the file: %1</source>
        <translation>文件中的位置：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="92" />
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="93" />
        <source>Imported: %1</source>
        <translation>导入时间：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="94" />
        <source>Content hash: %1</source>
        <translation>内容哈希：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="102" />
        <source>There is no computed value here: its inputs are missing (see the flags and Problems).</source>
        <translation>此处没有计算值：缺少其输入数据（见标记和“问题”）。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="137" />
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="138" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../ui/docks/details.py" line="139" />
        <source>Sources</source>
        <translation>来源</translation>
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
    <name>Exports</name>
    <message>
        <location filename="../../ui/exports.py" line="33" />
        <source>Export Results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="34" />
        <location filename="../../ui/exports.py" line="98" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="44" />
        <source>writing the workbook</source>
        <translation>正在写出工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="48" />
        <source>Exporting results</source>
        <translation>正在导出结果</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="78" />
        <source>The table is empty: there is nothing to export.</source>
        <translation>表格为空：没有可导出的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="67" />
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="68" />
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="83" />
        <source>Exporting the table</source>
        <translation>正在导出表格</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="92" />
        <source>There is no Overview to report yet: open a project with data and wait for the indicators.</source>
        <translation>尚无可写入报告的总览：请打开含数据的项目，并等待指标计算完成。</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="96" />
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="109" />
        <source>Writing the report</source>
        <translation>正在写出报告</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="135" />
        <source>at or above the threshold</source>
        <translation>达到或高于阈值</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="136" />
        <source>below the threshold</source>
        <translation>低于阈值</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="160" />
        <source>threshold {value}</source>
        <translation>阈值 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="162" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="165" />
        <source>Thresholds: D %1, M and R %2; window N = %3; WGI bound %4</source>
        <translation>阈值：D %1，M 和 R %2；窗口 N = %3；WGI 界限 %4</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="170" />
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="171" />
        <source>Critical minerals: overview %1</source>
        <translation>关键矿产：%1 年总览</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="173" />
        <source>Overview</source>
        <translation>总览</translation>
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
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="73" />
        <location filename="../../ui/dialogs/guide.py" line="74" />
        <location filename="../../ui/dialogs/guide.py" line="235" />
        <source>CritMin User Guide</source>
        <translation>CritMin 用户指南</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="80" />
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="81" />
        <source>Back to the page shown before (Alt+Left)</source>
        <translation>返回上一页（Alt+←）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="82" />
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="83" />
        <source>Forward to the next page (Alt+Right)</source>
        <translation>前进到下一页（Alt+→）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="84" />
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="85" />
        <source>The guide's first page, with its table of contents</source>
        <translation>指南首页，含目录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="89" />
        <source>Find in page (Ctrl+F)</source>
        <translation>在页面中查找（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="90" />
        <source>Find in page</source>
        <translation>在页面中查找</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="94" />
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="94" />
        <source>Find the next match (Enter, F3)</source>
        <translation>查找下一处（Enter、F3）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="95" />
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="96" />
        <source>Find the previous match (Shift+Enter, Shift+F3)</source>
        <translation>查找上一处（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="98" />
        <source>Find result</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="100" />
        <source>Guide message</source>
        <translation>指南提示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="104" />
        <source>Chapters</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="105" />
        <source>The guide's chapters: click one to read it</source>
        <translation>指南的各章：点击即可阅读</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="108" />
        <source>Guide page</source>
        <translation>指南页面</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="119" />
        <source>Chapters and page</source>
        <translation>章节与页面</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="178" />
        <source>## The user guide is not installed

CritMin looked for it in `%1` and found no guide there. The guide is part of the installer and of a checkout of CritMin (folder `docs/guide`).</source>
        <translation>## 未安装用户指南

CritMin 在 `%1` 中查找用户指南，但没有找到。用户指南包含在安装程序和 CritMin 的源码目录（`docs/guide` 文件夹）中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="200" />
        <source>CritMin does not open web pages. The address, to copy: %1</source>
        <translation>CritMin 不打开网页。网址如下，可复制：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="209" />
        <source>This link points to a page that is not in the guide: %1</source>
        <translation>此链接指向的页面不在指南中：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="213" />
        <source>This link points to a file the guide cannot show: %1</source>
        <translation>此链接指向的文件无法在指南中显示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="234" />
        <source>CritMin User Guide — %1</source>
        <translation>CritMin 用户指南 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/guide.py" line="262" />
        <source>Not found</source>
        <translation>未找到</translation>
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
        <location filename="../../ui/views/import_wizard.py" line="1006" />
        <source>Did you mean %1?</source>
        <translation>您是否指 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1007" />
        <source>Choose the right one and save it as an alias.</source>
        <translation>请选择正确的名称并保存为别名。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1009" />
        <source>was guessed to be %1. If that is wrong, choose the right one.</source>
        <translation>被推测为 %1。如有误，请选择正确的名称。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1012" />
        <source>is %1. To map it elsewhere, choose another and save the alias.</source>
        <translation>对应为 %1。如需改为其他对应，请另选并保存别名。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1050" />
        <source>Choose a %1 from the list first.</source>
        <translation>请先从列表中选择一个%1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1053" />
        <source>“%1” already maps to %2.</source>
        <translation>“%1”已对应到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1056" />
        <source>Save Alias “%1” → %2</source>
        <translation>保存别名“%1”→ %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1073" />
        <source>Select a problem to read it in full.</source>
        <translation>选中一个问题可查看完整说明。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1080" />
        <source>Found: “%1”.</source>
        <translation>实际为：“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1082" />
        <source>Expected: %1.</source>
        <translation>应为：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1102" />
        <source>%1: %2 (%3 rows)</source>
        <translation>%1：%2（%3 行）</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1140" />
        <source>Import 1 file</source>
        <translation>导入 1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1140" />
        <source>Import %1 files</source>
        <translation>导入 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1150" />
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1163" />
        <source>Import cancelled; the project is unchanged.</source>
        <translation>导入已取消，项目未改动。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1165" />
        <source>Nothing was imported; the project is unchanged. %1</source>
        <translation>未导入任何内容，项目未改动。%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1175" />
        <source>Imported 1 file: %1 rows added or updated.</source>
        <translation>已导入 1 个文件：新增或更新 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1176" />
        <source>Imported %2 files: %1 rows added or updated.</source>
        <translation>已导入 %2 个文件：新增或更新 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/import_wizard.py" line="1179" />
        <source>%1 already imported with the same content.</source>
        <translation>%1 个文件已以相同内容导入过。</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <location filename="../../ui/indicator_titles.py" line="16" />
        <source>Import dependency D</source>
        <translation>对外依存度 D</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="17" />
        <source>Market dynamics M</source>
        <translation>市场动态 M</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="18" />
        <source>Supply risk R</source>
        <translation>供应风险 R</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="19" />
        <source>Concentration HHI</source>
        <translation>集中度 HHI</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="20" />
        <source>Governance Γ</source>
        <translation>治理 Γ</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="21" />
        <source>Production growth G</source>
        <translation>产量增长 G</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="22" />
        <source>Criticality potential C</source>
        <translation>关键性潜力 C</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="23" />
        <source>Top-1 producer share</source>
        <translation>最大生产国份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="24" />
        <source>Top-3 producers' share</source>
        <translation>前三大生产国份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="25" />
        <source>Reserve years (R/P)</source>
        <translation>储采比年限（R/P）</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="26" />
        <source>Supply-security category</source>
        <translation>供应安全类型</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="27" />
        <source>Recycled-adjusted supply risk</source>
        <translation>计入再生后的供应风险</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="28" />
        <source>EU supply risk SR</source>
        <translation>欧盟供应风险 SR</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="29" />
        <source>GeoPolRisk score</source>
        <translation>GeoPolRisk 评分</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="30" />
        <source>Demand scenarios: supply gap</source>
        <translation>需求情景：供应缺口</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="31" />
        <source>Import concentration HHI</source>
        <translation>进口集中度 HHI</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="32" />
        <source>Largest import source's share</source>
        <translation>最大进口来源国份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="33" />
        <source>Imports from high-risk partners</source>
        <translation>来自高风险伙伴的进口</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="42" />
        <location filename="../../ui/indicator_titles.py" line="142" />
        <source>Top-1 share</source>
        <translation>最大生产国份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="43" />
        <location filename="../../ui/indicator_titles.py" line="143" />
        <source>Top-3 share</source>
        <translation>前三大生产国份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="44" />
        <location filename="../../ui/indicator_titles.py" line="147" />
        <source>R/P years</source>
        <translation>储采比年限</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="45" />
        <location filename="../../ui/indicator_titles.py" line="145" />
        <location filename="../../ui/indicator_titles.py" line="146" />
        <source>Category</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="46" />
        <location filename="../../ui/indicator_titles.py" line="155" />
        <source>R (recycled)</source>
        <translation>R（再生）</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="48" />
        <location filename="../../ui/indicator_titles.py" line="156" />
        <source>Gap</source>
        <translation>缺口</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="49" />
        <source>Import HHI</source>
        <translation>进口 HHI</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="50" />
        <source>Top source share</source>
        <translation>最大来源份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="51" />
        <location filename="../../ui/indicator_titles.py" line="170" />
        <source>High-risk share</source>
        <translation>高风险份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="59" />
        <source>Share of the assessed country's supply that is imported: D = net imports / (production + net imports), 0 for a net exporter.</source>
        <translation>评估国家的供应中来自进口的份额：D = 净进口量 / (产量 + 净进口量)，净出口国为 0。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="62" />
        <source>Price volatility: the standard deviation of the window's annual prices divided by their mean, min-max scaled over all minerals and years.</source>
        <translation>价格波动性：窗口内各年价格的标准差除以其均值，并在所有矿种和年份范围内做最小-最大归一化。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="65" />
        <source>Governance-weighted concentration of production: R = Σ S² · Γ over producing countries (S share, Γ governance), min-max scaled.</source>
        <translation>经治理加权的产量集中度：对各生产国求和 R = Σ S² · Γ（S 为份额，Γ 为治理），并做最小-最大归一化。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="68" />
        <source>Herfindahl–Hirschman index of production: the sum of the squared country shares (1 = a single producer).</source>
        <translation>产量的赫芬达尔–赫希曼指数：各国份额的平方和（1 = 仅有一个生产国）。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="71" />
        <source>Weak governance of a country: the geometric mean of the six WGI estimates rescaled so that 1 is the worst.</source>
        <translation>国家治理的薄弱程度：六项 WGI 估计值换算为以 1 表示最差后的几何平均值。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="74" />
        <source>Annual growth of world production over n years, G = (Pₜ / Pₜ₋ₙ)^(1/n), scaled 0..1.</source>
        <translation>n 年间全球产量的年均增长，G = (Pₜ / Pₜ₋ₙ)^(1/n)，换算到 0..1。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="77" />
        <source>Criticality potential: supply risk, production growth and market dynamics combined.</source>
        <translation>关键性潜力：综合供应风险、产量增长和市场动态。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="80" />
        <source>Share of world production of the largest producer.</source>
        <translation>最大生产国占全球产量的份额。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="81" />
        <source>Share of world production of the three largest producers.</source>
        <translation>前三大生产国占全球产量的份额。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="83" />
        <source>Reserves divided by production: the years current production could last.</source>
        <translation>储量除以产量：按当前产量可维持的年数。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="85" />
        <source>Supply-security type from import dependency, supply risk and the domestic production and reserves base.</source>
        <translation>根据对外依存度、供应风险以及国内产量和储量基础确定的供应安全类型。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="88" />
        <source>Supply risk after the recycled stream: R × (1 − EoL-RIR), the end-of-life recycling input rate.</source>
        <translation>计入再生资源后的供应风险：R × (1 − EoL-RIR)，EoL-RIR 为报废回收投入率。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="91" />
        <source>EU criticality method: SR = (HHI-WGI of global supply and of sourcing, by import reliance) × substitution × (1 − EoL-RIR); 1 is the EU threshold.</source>
        <translation>欧盟关键性方法：SR = (全球供应和采购来源的 HHI-WGI，按进口依存度加权) × 替代性 × (1 − EoL-RIR)；1 为欧盟阈值。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="94" />
        <source>GeoPolRisk: production concentration × the import shares weighted by the partners' political stability.</source>
        <translation>GeoPolRisk：产量集中度 × 按贸易伙伴政治稳定性加权的进口份额。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="97" />
        <source>Demand scenarios: supply required by the demand multiplier in the target year minus the supply projected from the observed growth.</source>
        <translation>需求情景：目标年份按需求倍数所需的供应量，减去按已观测增长推算的供应量。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="100" />
        <source>Concentration of the assessed country's imports: the sum of the squared partner shares of its imports, in the production's basis (1 = a single supplier).</source>
        <translation>评估国进口的集中程度：各贸易伙伴进口份额的平方和，按产量口径计算（1 = 单一供应国）。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="103" />
        <source>Share of the assessed country's imports that comes from its largest supplier.</source>
        <translation>评估国进口中来自最大供应国的份额。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="105" />
        <source>Share of the assessed country's imports from partners whose governance risk Γ is at or above the risk level (0.5).</source>
        <translation>评估国进口中来自治理风险 Γ 达到或超过风险水平（0.5）的贸易伙伴的份额。</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="118" />
        <source>rising</source>
        <translation>上升</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="119" />
        <source>falling</source>
        <translation>下降</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="120" />
        <source>stable</source>
        <translation>平稳</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="121" />
        <source>volatile</source>
        <translation>波动</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="122" />
        <source>rose, then fell</source>
        <translation>先升后降</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="123" />
        <source>fell, then rose</source>
        <translation>先降后升</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="124" />
        <source>too few years for a trend</source>
        <translation>年份太少，无法判断趋势</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="132" />
        <source>R (raw)</source>
        <translation>R（原始值）</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="133" />
        <source>M (raw)</source>
        <translation>M（原始值）</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="134" />
        <source>Prices in window</source>
        <translation>窗口内价格数</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="135" />
        <source>WGI indicators</source>
        <translation>WGI 指标数</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="136" />
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="137" />
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="138" />
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="139" />
        <location filename="../../ui/indicator_titles.py" line="141" />
        <source>Top producer</source>
        <translation>最大生产国</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="140" />
        <source>Top share</source>
        <translation>最大生产国份额</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="144" />
        <source>Top producers</source>
        <translation>主要生产国</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="148" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="149" />
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="150" />
        <source>At or above threshold</source>
        <translation>达到或高于阈值</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="151" />
        <source>Trend D</source>
        <translation>D 趋势</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="152" />
        <source>Trend M</source>
        <translation>M 趋势</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="153" />
        <source>Trend R</source>
        <translation>R 趋势</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="154" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="157" />
        <source>Γ year</source>
        <translation>Γ 年份</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="158" />
        <source>Input</source>
        <translation>输入项</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="159" />
        <source>Used</source>
        <translation>是否采用</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="160" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="161" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="162" />
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="163" />
        <source>Std. dev.</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="164" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="165" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="166" />
        <source>Partner</source>
        <translation>贸易伙伴</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="167" />
        <source>Partners</source>
        <translation>出口对象</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="168" />
        <source>Largest source</source>
        <translation>最大来源国</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="169" />
        <source>Largest sources</source>
        <translation>主要来源国</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="171" />
        <source>Γ coverage</source>
        <translation>Γ 覆盖率</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="172" />
        <source>Largest producer</source>
        <translation>最大生产国</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="173" />
        <source>HS code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_titles.py" line="174" />
        <source>Factor</source>
        <translation>系数</translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="45" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="52" />
        <source>Indicator note</source>
        <translation>指标说明</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="54" />
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="55" />
        <source>Export the indicator table</source>
        <translation>导出指标表</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="56" />
        <source>Write this table to an Excel workbook or a CSV file</source>
        <translation>将此表写出为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="60" />
        <source>Indicator results</source>
        <translation>指标结果</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="64" />
        <source>Indicator plots</source>
        <translation>指标图表</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="65" />
        <source>The time series appear when the indicators are computed.</source>
        <translation>指标计算完成后将显示时间序列。</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="66" />
        <source>Select a mineral to see its production shares by country.</source>
        <translation>选择一个矿种，即可查看其各国产量份额。</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="67" />
        <source>Time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="68" />
        <source>Production shares</source>
        <translation>产量份额</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="78" />
        <source>Indicator:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="115" />
        <source>Open a project with data: the indicators are computed by themselves.</source>
        <translation>请打开含数据的项目：指标会自动计算。</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="144" />
        <source>No results for this indicator: its inputs are not in the project, or not for the selected minerals (see Problems).</source>
        <translation>此指标没有结果：项目中缺少其输入数据，或所选矿种缺少这些数据（见“问题”）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="206" />
        <source>Time series plot</source>
        <translation>时间序列图</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="211" />
        <source>The plot shows the first %1 of %2 series: check fewer minerals in the Minerals panel.</source>
        <translation>图中只显示 %2 条序列中的前 %1 条：请在“矿种”面板中少勾选一些矿种。</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="227" />
        <source>threshold of %1</source>
        <translation>%1 阈值</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="245" />
        <source>Stage:</source>
        <translation>环节：</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="247" />
        <source>Production stage</source>
        <translation>生产环节</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="248" />
        <source>The stage of the chain whose production shares are shown</source>
        <translation>显示其产量份额的产业链环节</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="253" />
        <source>Production shares plot</source>
        <translation>产量份额图</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="262" />
        <source>(not named)</source>
        <translation>（未注明）</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="267" />
        <source>others</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/views/indicators_view.py" line="270" />
        <source>%1: production shares by country</source>
        <translation>%1：各国产量份额</translation>
    </message>
</context>
<context>
    <name>ListNameDialog</name>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="162" />
        <source>List name</source>
        <translation>清单名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="166" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="180" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="207" />
        <source>Type a name for the list.</source>
        <translation>请输入清单名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="209" />
        <source>A list named “%1” already exists.</source>
        <translation>名为“%1”的清单已存在。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="211" />
        <source>Check at least one mineral.</source>
        <translation>请至少勾选一个矿种。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="421" />
        <source>Critical-mineral supply-chain security workbench</source>
        <translation>关键矿产供应链安全分析工作台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73" />
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Risk Matrix</source>
        <translation>风险矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77" />
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78" />
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>Banner</source>
        <translation>横幅</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <location filename="../../ui/main_window.py" line="119" />
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>Minerals</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170" />
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171" />
        <source>Create an empty project file</source>
        <translation>新建一个空的项目文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172" />
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173" />
        <source>Open a project file</source>
        <translation>打开项目文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175" />
        <source>Save a copy of the project and continue working in the copy</source>
        <translation>保存项目的副本，并在副本中继续工作</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>&amp;Import Data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>Import Excel or CSV files into the project</source>
        <translation>将 Excel 或 CSV 文件导入项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178" />
        <source>Export &amp;Data Workbook…</source>
        <translation>导出数据工作簿(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>Write the project's data as a template workbook</source>
        <translation>将项目数据写出为模板工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180" />
        <source>Export &amp;Results…</source>
        <translation>导出结果(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181" />
        <source>Compute and write the results workbook</source>
        <translation>计算并写出结果工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <source>Export Re&amp;port…</source>
        <translation>导出报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184" />
        <source>Write the Overview and the core indicators of the selected list and year as a report workbook with charts</source>
        <translation>将所选清单和年份的总览及核心指标写出为带图表的报告工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>Export &amp;Table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187" />
        <source>Write the table of the current view to Excel or CSV</source>
        <translation>将当前视图的表格写出为 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188" />
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <location filename="../../ui/main_window.py" line="197" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <location filename="../../ui/main_window.py" line="198" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200" />
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201" />
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202" />
        <source>Add &amp;Row</source>
        <translation>添加行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>&amp;Delete Rows</source>
        <translation>删除行(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206" />
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208" />
        <source>&amp;Recompute</source>
        <translation>重新计算(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209" />
        <source>Compute every indicator from the project's data</source>
        <translation>根据项目数据计算全部指标</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210" />
        <source>&amp;Aliases…</source>
        <translation>名称映射(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211" />
        <source>The project's own names for minerals and countries</source>
        <translation>本项目自定义的矿种和国家名称</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212" />
        <source>&amp;Minerals and Names…</source>
        <translation>矿种与名称(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <source>The project's names, symbols, groups and notes of minerals, and its own minerals</source>
        <translation>本项目对矿种名称、符号、类别和备注的修改，以及本项目自有的矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216" />
        <source>Read the user guide (it is installed with CritMin: no internet needed)</source>
        <translation>阅读用户指南（随 CritMin 一同安装，无需联网）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>Data &amp;Sources</source>
        <translation>数据来源(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>Where the demo's data come from, with their licences</source>
        <translation>示例数据的来源及其许可协议</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220" />
        <location filename="../../ui/main_window.py" line="339" />
        <location filename="../../ui/main_window.py" line="340" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221" />
        <source>Cancel the running task</source>
        <translation>取消正在运行的任务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255" />
        <source>&amp;Overview</source>
        <translation>总览(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257" />
        <location filename="../../ui/main_window.py" line="273" />
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259" />
        <source>&amp;Indicators</source>
        <translation>指标(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261" />
        <source>Risk &amp;Matrix</source>
        <translation>风险矩阵(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263" />
        <source>&amp;Alerts</source>
        <translation>预警(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>&amp;Scenarios</source>
        <translation>情景(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275" />
        <source>Mineral &amp;Lists</source>
        <translation>矿种清单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279" />
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281" />
        <source>New &amp;Scenario…</source>
        <translation>新建情景(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282" />
        <source>Define a what-if scenario and compare it with the baseline</source>
        <translation>定义假设情景并与基准对比</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291" />
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310" />
        <source>Assessed country</source>
        <translation>评估国家</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320" />
        <source>Year shown</source>
        <translation>显示年份</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321" />
        <source>The year the Overview shows</source>
        <translation>总览所显示的年份</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="441" />
        <source>No project open — File ▸ New Project… or Open Project…</source>
        <translation>未打开项目 — 请使用“文件 ▸ 新建项目…”或“打开项目…”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="445" />
        <source>1 mineral</source>
        <translation>1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="445" />
        <source>%1 minerals</source>
        <translation>%1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="449" />
        <source>%1 alerts</source>
        <translation>%1 条预警</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="451" />
        <source>recomputing…</source>
        <translation>正在重新计算…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454" />
        <source>computed %1 ago</source>
        <translation>计算于 %1前</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455" />
        <source>all changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455" />
        <source>saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="531" />
        <source>CritMin demo</source>
        <translation>CritMin 示例</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556" />
        <source>Preparing the demo project</source>
        <translation>正在准备示例项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561" />
        <source>%1: the project file was not found.</source>
        <translation>%1：找不到项目文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="576" />
        <source>This is the demo project, built from public data (USGS, World Bank, World Mining Data). To analyse your own data: File ▸ Import Data… or drop Excel/CSV files on this window.</source>
        <translation>这是示例项目，基于公开数据（USGS、世界银行、World Mining Data）构建。如需分析您自己的数据，请使用“文件 ▸ 导入数据…”，或将 Excel/CSV 文件拖放到此窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="593" />
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="594" />
        <location filename="../../ui/main_window.py" line="609" />
        <location filename="../../ui/main_window.py" line="617" />
        <source>CritMin projects (%1)</source>
        <translation>CritMin 项目 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="608" />
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="616" />
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="637" />
        <source>No recent projects</source>
        <translation>没有最近打开的项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="642" />
        <source>(missing)</source>
        <translation>（已不存在）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="654" />
        <source>Remove Missing Files</source>
        <translation>移除已不存在的文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="655" />
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="658" />
        <source>%1 no longer exists. Remove it from the list?</source>
        <translation>%1 已不存在。要将其从列表中移除吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="690" />
        <source>Open or create a project first: imported data are written into a project.</source>
        <translation>请先打开或新建项目：导入的数据将写入项目。</translation>
    </message>
    <message>
        <location filename="../../ui/exports.py" line="25" />
        <location filename="../../ui/main_window.py" line="959" />
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="945" />
        <source>Export Data Workbook</source>
        <translation>导出数据工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="947" />
        <source>Excel workbook (*.xlsx);;CSV files, one per table (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件，每张表一个 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="962" />
        <source>Exporting data</source>
        <translation>正在导出数据</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1038" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1040" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1041" />
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219" />
        <source>&amp;About CritMin</source>
        <translation>关于 CritMin(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>All minerals with data</source>
        <translation>有数据的全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="863" />
        <source>Saving the alert rules</source>
        <translation>正在保存预警规则</translation>
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
    <name>MatrixCellDialog</name>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="31" />
        <source>Edit Cell</source>
        <translation>编辑单元格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="32" />
        <source>Edit a risk-matrix cell</source>
        <translation>编辑风险矩阵单元格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="40" />
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="42" />
        <source>Mineral, year and stream</source>
        <translation>矿种、年份和资源链</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="45" />
        <source>Where the score comes from</source>
        <translation>评分来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="51" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="52" />
        <source>The risk score from 0 (no risk) to 1 (the highest risk)</source>
        <translation>风险评分，从 0（无风险）到 1（风险最高）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="54" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="55" />
        <source>The level the score falls in; choosing a level moves the score into it</source>
        <translation>评分所在的等级；选择等级会把评分移入该等级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="59" />
        <source>Level range</source>
        <translation>等级范围</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="61" />
        <source>Analyst's note</source>
        <translation>分析师备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="62" />
        <source>The evidence for this score: sources, dates, reasoning</source>
        <translation>该评分的依据：来源、日期、理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="63" />
        <source>Evidence for this score (source, date, reasoning)</source>
        <translation>该评分的依据（来源、日期、理由）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="68" />
        <source>&amp;Score:</source>
        <translation>评分(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="69" />
        <source>&amp;Level:</source>
        <translation>等级(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="71" />
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="80" />
        <source>Save the score</source>
        <translation>保存评分</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="81" />
        <source>Store this score and note in the project (Edit ▸ Undo takes it back)</source>
        <translation>将此评分和备注存入项目（“编辑 ▸ 撤销”可撤回）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="83" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="84" />
        <source>Close without changing the cell</source>
        <translation>关闭，不修改该单元格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="85" />
        <source>&amp;Revert to Computed</source>
        <translation>恢复为计算值(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="86" />
        <source>Revert to computed</source>
        <translation>恢复为计算值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="87" />
        <source>Remove the analyst's score: the cell shows the computed value again (or needs judgement when no rule fills it)</source>
        <translation>删除分析师的评分：单元格重新显示计算值（若没有规则可填充，则为待判断）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="148" />
        <source>Overridden by the analyst. Computed value: %1 (%2).</source>
        <translation>已由分析师覆盖。计算值：%1（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="150" />
        <source>Scored by the analyst; no rule fills this cell from the data.</source>
        <translation>由分析师评分；没有规则能根据数据填充此单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="152" />
        <source>No rule could fill this cell from the project's data: give your judgement.</source>
        <translation>没有规则能根据项目数据填充此单元格：请给出您的判断。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/matrix_cell.py" line="153" />
        <source>%1: %2. Saving keeps the computed value beside your score.</source>
        <translation>%1：%2。保存后，计算值仍保留在您的评分旁。</translation>
    </message>
</context>
<context>
    <name>MatrixDetails</name>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1361" />
        <source>(not named)</source>
        <translation>（未注明）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1286" />
        <source>No score: none of the cells it aggregates has one yet.</source>
        <translation>无评分：其汇总的单元格均尚无评分。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1288" />
        <source>Needs judgement</source>
        <translation>待判断</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1289" />
        <source>no rule could fill this cell from the project's data, and it is never taken as 0. Double-click it to give your score.</source>
        <translation>没有规则能根据项目数据填充此单元格，且绝不按 0 计算。双击该单元格即可给出您的评分。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1297" />
        <source>Origin: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1301" />
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1310" />
        <source>The analyst's score overrides the computed value %1 (%2) of rule %3; reverting brings it back.</source>
        <translation>分析师的评分覆盖了规则 %3 的计算值 %1（%2）；恢复后计算值重新生效。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1314" />
        <source>No rule fills this cell: without the analyst's score it needs judgement.</source>
        <translation>没有规则填充此单元格：若无分析师的评分，则为待判断。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1322" />
        <source>Aggregated by %1: %2</source>
        <translation>按%1汇总：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1339" />
        <source>Inputs of rule %1</source>
        <translation>规则 %1 的输入</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1271" />
        <source>Analyst's note</source>
        <translation>分析师备注</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1274" />
        <source>Last edited: %1</source>
        <translation>最后编辑：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1378" />
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1379" />
        <source>(a score at a cut-off takes the higher level)</source>
        <translation>（恰在分界点上的评分归入较高等级）</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="90" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="94" />
        <source>%1 (overall)</source>
        <translation>%1（总体）</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="102" />
        <source>%1: needs judgement</source>
        <translation>%1：待判断</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="104" />
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="112" />
        <source>Computed value: %1 (%2)</source>
        <translation>计算值：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="115" />
        <source>No rule fills this cell from the data.</source>
        <translation>没有规则能根据数据填充此单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="118" />
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="120" />
        <source>The weakest link of the whole chain</source>
        <translation>全链的最薄弱环节</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="122" />
        <source>Double-click or press Enter to edit</source>
        <translation>双击或按 Enter 键编辑</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="266" />
        <source>Each stage's aggregate over the dimensions</source>
        <translation>各环节在各维度上的汇总</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="267" />
        <source>Each dimension's aggregate over the stages</source>
        <translation>各维度在各环节上的汇总</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="392" />
        <location filename="../../ui/models/matrix_model.py" line="409" />
        <source>Click to open %1 in the grids</source>
        <translation>单击以在矩阵中打开%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="401" />
        <source>%1, %2: %3 (%4)</source>
        <translation>%1，%2：%3（%4）</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="404" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="407" />
        <source>The weakest stage of this mineral</source>
        <translation>该矿种最薄弱的环节</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="419" />
        <location filename="../../ui/views/matrix_view.py" line="1493" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="423" />
        <source>Click a row to open the mineral in the grids</source>
        <translation>单击一行，在矩阵中打开该矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="425" />
        <source>The aggregate of every cell of both chains</source>
        <translation>两条资源链全部单元格的汇总</translation>
    </message>
    <message>
        <location filename="../../ui/models/matrix_model.py" line="426" />
        <source>%1: the aggregate of both chains' cells at this stage</source>
        <translation>%1：两条资源链该环节单元格的汇总</translation>
    </message>
</context>
<context>
    <name>MatrixTitles</name>
    <message>
        <location filename="../../ui/matrix_titles.py" line="21" />
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="22" />
        <source>Medium-low</source>
        <translation>较低</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="23" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="24" />
        <source>High</source>
        <translation>较高</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="25" />
        <source>Very high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="28" />
        <source>No score</source>
        <translation>无评分</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="35" />
        <source>Primary chain</source>
        <translation>原生资源链</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="36" />
        <source>Recycled chain</source>
        <translation>再生资源链</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="37" />
        <source>Whole chain</source>
        <translation>全链</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="44" />
        <source>Mining</source>
        <translation>开采</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="45" />
        <source>Processing</source>
        <translation>加工冶炼</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="46" />
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="47" />
        <source>Recycling</source>
        <translation>回收</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="55" />
        <source>Exploration, extraction and beneficiation</source>
        <translation>勘查、开采、选矿</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="56" />
        <source>Smelting and refining, processing, material production</source>
        <translation>冶炼/提炼、加工、生产</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="58" />
        <source>Embedding in industry and use in sectors</source>
        <translation>产业嵌入、行业使用</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="59" />
        <source>Collection, dismantling, separation and recovery</source>
        <translation>回收、拆解、分离、循环利用</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="66" />
        <source>Political</source>
        <translation>政治</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="67" />
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="68" />
        <source>Trade</source>
        <translation>贸易</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="69" />
        <source>Technology</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="70" />
        <source>Regulatory</source>
        <translation>监管</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="71" />
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="72" />
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="73" />
        <source>Social</source>
        <translation>社会</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="74" />
        <source>Economic</source>
        <translation>经济</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="83" />
        <source>Resource nationalism, pressure on downstream industry, friend- and near-shoring</source>
        <translation>资源民族主义、对下游产业施压、友岸与近岸外包</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="85" />
        <source>Tighter review of equity mines, forced divestment, blocked acquisitions</source>
        <translation>收紧对股权矿山的审查、强制撤资、阻止收购</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="87" />
        <source>Export bans, tariffs, anti-dumping and countervailing duties, export quotas</source>
        <translation>出口禁令、关税、反倾销和反补贴税、出口配额</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="89" />
        <source>Technology-transfer limits, market monopoly, price wars, by-product dependence</source>
        <translation>技术转让限制、市场垄断、价格战、伴生依赖</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="91" />
        <source>Conflict-minerals rules, ESG due diligence with extraterritorial reach</source>
        <translation>冲突矿产规则、具有域外效力的 ESG 尽职调查</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="96" />
        <source>Environmental performance</source>
        <translation>环境绩效</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="97" />
        <source>Completeness of the recycling system</source>
        <translation>回收体系的完备程度</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="98" />
        <source>Metal content of products, dismantling and separation technology, product lifetime, recovery rate</source>
        <translation>产品中的金属含量、拆解与分离技术、产品寿命、元素回收率</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="101" />
        <source>Public willingness to recycle, consumer habits</source>
        <translation>公众回收意愿、消费习惯</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="102" />
        <source>Recycling technology and reverse-logistics cost</source>
        <translation>回收技术成本与逆向物流成本</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="103" />
        <source>Waste-import bans, recycled-content and recycling quotas</source>
        <translation>废料进口禁令、再生材料含量与回收配额</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="111" />
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="117" />
        <source>Weakest link (maximum)</source>
        <translation>最薄弱环节（最大值）</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="118" />
        <location filename="../../ui/matrix_titles.py" line="127" />
        <source>Weighted mean</source>
        <translation>加权平均</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="126" />
        <source>Weakest link</source>
        <translation>最薄弱环节</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="134" />
        <source>A stage, a stream and the chain are as risky as their riskiest cell</source>
        <translation>环节、资源链和全链的风险取其中风险最高的单元格</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="136" />
        <source>A stage, a stream and the chain score the weighted mean of their cells</source>
        <translation>环节、资源链和全链的评分取其单元格的加权平均</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="145" />
        <source>Analyst's judgement</source>
        <translation>分析师判断</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="147" />
        <source>Needs judgement: no rule could fill it</source>
        <translation>待判断：没有规则能填充</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="149" />
        <source>Computed (rule %1)</source>
        <translation>计算所得（规则 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="151" />
        <source>Aggregate: %1</source>
        <translation>汇总：%1</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="184" />
        <source>%1: %2 ≤ score ≤ %3</source>
        <translation>%1：%2 ≤ 评分 ≤ %3</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_titles.py" line="185" />
        <source>%1: %2 ≤ score &lt; %3</source>
        <translation>%1：%2 ≤ 评分 &lt; %3</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="291" />
        <source>%1 grid</source>
        <translation>%1矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="368" />
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="379" />
        <source>%1 (%2–%3)</source>
        <translation>%1（%2–%3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="382" />
        <source>Needs judgement</source>
        <translation>待判断</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="383" />
        <source>No rule could fill the cell from the data: double-click it to give your score</source>
        <translation>没有规则能根据数据填充该单元格：双击即可给出您的评分</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="386" />
        <source>Analyst's score</source>
        <translation>分析师评分</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="387" />
        <source>The corner mark: an analyst overrode the computed value (kept in Details)</source>
        <translation>角标：分析师覆盖了计算值（计算值见“详情”）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="390" />
        <location filename="../../ui/views/matrix_view.py" line="454" />
        <source>Weakest link</source>
        <translation>最薄弱环节</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="391" />
        <source>The outline: the riskiest cell of both chains</source>
        <translation>粗框：两条资源链中风险最高的单元格</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="450" />
        <source>Matrix title</source>
        <translation>矩阵标题</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="455" />
        <source>The riskiest cell of both chains and the whole chain's aggregate</source>
        <translation>两条资源链中风险最高的单元格及全链汇总</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="524" />
        <source>Risk matrix grids</source>
        <translation>风险矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="536" />
        <source>List overview title</source>
        <translation>清单概览标题</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="546" />
        <source>List overview heat map</source>
        <translation>清单概览热力图</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="547" />
        <source>Each mineral's risk at each chain stage over both chains; click a row to open the mineral in the grids</source>
        <translation>各矿种在两条资源链各环节的风险；单击一行即可在矩阵中打开该矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="567" />
        <source>Grids and overview</source>
        <translation>矩阵与概览</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="577" />
        <source>Matrix note</source>
        <translation>矩阵说明</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="594" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="595" />
        <source>The mineral whose two chains are shown</source>
        <translation>显示其两条资源链的矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="600" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="601" />
        <source>Slide to watch the matrix change over the years</source>
        <translation>拖动以查看矩阵的逐年变化</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="607" />
        <source>Year shown</source>
        <translation>显示年份</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="610" />
        <source>Aggregation rule</source>
        <translation>汇总规则</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="611" />
        <source>How the cells of a stage, a stream and the whole chain are combined</source>
        <translation>环节、资源链和全链的单元格如何汇总</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="618" />
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="619" />
        <source>Weights of the dimensions</source>
        <translation>各维度的权重</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="620" />
        <source>The weight of each dimension in the weighted mean (0 leaves a dimension out)</source>
        <translation>各维度在加权平均中的权重（0 表示不计入该维度）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="625" />
        <source>Edit Cell…</source>
        <translation>编辑单元格…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="626" />
        <source>Edit Cell</source>
        <translation>编辑单元格</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="627" />
        <source>Give the selected cell your own score and note (double-click or Enter does the same)</source>
        <translation>为所选单元格给出您自己的评分和备注（双击或按 Enter 键亦可）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="631" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="632" />
        <source>Export the risk matrix</source>
        <translation>导出风险矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="633" />
        <source>Save the grids as a PNG image or SVG drawing, or as an Excel sheet with the levels as fills and the notes as comments</source>
        <translation>将矩阵保存为 PNG 图像或 SVG 矢量图，或保存为 Excel 工作表（等级为单元格底色，备注为批注）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="638" />
        <source>&amp;Mineral:</source>
        <translation>矿种(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="638" />
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="640" />
        <source>&amp;Aggregation:</source>
        <translation>汇总(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="700" />
        <source>Weights of the Dimensions</source>
        <translation>各维度的权重</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="827" />
        <source>The risk matrix could not be built: %1</source>
        <translation>无法生成风险矩阵：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="870" />
        <source>List overview: no mineral of the selection has a risk matrix.</source>
        <translation>清单概览：所选矿种均无风险矩阵。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="872" />
        <source>All minerals with data</source>
        <translation>有数据的全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="873" />
        <source>List overview: %1, %2 — each stage's risk over both chains</source>
        <translation>清单概览：%1，%2 年 — 两条资源链各环节的风险</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="881" />
        <location filename="../../ui/views/matrix_view.py" line="1443" />
        <location filename="../../ui/views/matrix_view.py" line="1464" />
        <source>Risk matrix</source>
        <translation>风险矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="882" />
        <source>The risk matrix appears when the indicators are computed.</source>
        <translation>指标计算完成后将显示风险矩阵。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="884" />
        <source>Choose a mineral to see its risk matrix.</source>
        <translation>请选择矿种以查看其风险矩阵。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="886" />
        <location filename="../../ui/views/matrix_view.py" line="1465" />
        <source>%1 · %2 · risk matrix</source>
        <translation>%1 · %2 · 风险矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="898" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="899" />
        <source>Weakest link: %1 — %2, %3.</source>
        <translation>最薄弱环节：%1 — %2，%3。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="904" />
        <source>No cell has a score yet: every cell needs judgement.</source>
        <translation>尚无单元格有评分：所有单元格均待判断。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="905" />
        <source>Whole chain (%1): %2, %3.</source>
        <translation>全链（%1）：%2，%3。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="910" />
        <source>%1 cells need judgement (?): double-click one to score it.</source>
        <translation>%1 个单元格待判断（?）：双击单元格即可评分。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1111" />
        <source>Override %1 × %2 (%3)</source>
        <translation>覆盖 %1 × %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1112" />
        <source>Override recycled %1 × %2 (%3)</source>
        <translation>覆盖再生资源链 %1 × %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1130" />
        <source>Revert %1 × %2 (%3)</source>
        <translation>恢复 %1 × %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1131" />
        <source>Revert recycled %1 × %2 (%3)</source>
        <translation>恢复再生资源链 %1 × %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1163" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1163" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1163" />
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1164" />
        <source>Export Risk Matrix</source>
        <translation>导出风险矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1175" />
        <source>%1 risk matrix %2</source>
        <translation>%1风险矩阵 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1201" />
        <source>Exporting the risk matrix</source>
        <translation>正在导出风险矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1222" />
        <source>Risk matrix not exported</source>
        <translation>风险矩阵未导出</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1399" />
        <source>The grids can be saved as .png or .svg, not as “%1”.</source>
        <translation>矩阵只能保存为 .png 或 .svg，不能保存为“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1451" />
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1467" />
        <source>Aggregation: %1</source>
        <translation>汇总规则：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1468" />
        <source>Weakest link: %1, %2 — %3 (%4)</source>
        <translation>最薄弱环节：%1，%2 — %3（%4）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1472" />
        <source>Whole chain: %1 (%2)</source>
        <translation>全链：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1479" />
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1480" />
        <source>?: needs judgement (no rule could fill the cell)</source>
        <translation>?：待判断（没有规则能填充该单元格）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1481" />
        <source>Italic: the analyst's score (the computed value is in the comment)</source>
        <translation>斜体：分析师的评分（计算值见批注）</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1483" />
        <source>Thick border: the weakest link</source>
        <translation>粗边框：最薄弱环节</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1490" />
        <source>List overview</source>
        <translation>清单概览</translation>
    </message>
    <message>
        <location filename="../../ui/views/matrix_view.py" line="1491" />
        <source>Each stage's risk over both chains, %1</source>
        <translation>两条资源链各环节的风险，%1 年</translation>
    </message>
</context>
<context>
    <name>MembershipModel</name>
    <message>
        <location filename="../../ui/models/membership_model.py" line="117" />
        <location filename="../../ui/models/membership_model.py" line="212" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="117" />
        <location filename="../../ui/models/membership_model.py" line="214" />
        <source>Lists</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="160" />
        <source>%1: not a mineral in CritMin's registry; shown as the list publishes it</source>
        <translation>%1：不是 CritMin 矿种库中的矿种；按清单原文显示</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="187" />
        <source>on the list</source>
        <translation>在清单上</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="187" />
        <source>not on the list</source>
        <translation>不在清单上</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="193" />
        <source>%1 is on %2</source>
        <translation>%1 在 %2 上</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="193" />
        <source>%1 is not on %2</source>
        <translation>%1 不在 %2 上</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="200" />
        <source>%1 is on every chosen list</source>
        <translation>%1 在所有选定清单上</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="201" />
        <source>%1 is on 1 of the %2 chosen lists</source>
        <translation>%1 在 %2 个选定清单中的 1 个上</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="202" />
        <source>%1 is on %3 of the %2 chosen lists</source>
        <translation>%1 在 %2 个选定清单中的 %3 个上</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="221" />
        <source>The minerals on at least one of the chosen lists</source>
        <translation>至少在一个选定清单上的矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="223" />
        <source>On how many of the chosen lists the mineral is</source>
        <translation>该矿种在多少个选定清单上</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="224" />
        <source>%1: %2; a tick marks its minerals</source>
        <translation>%1：%2；勾号标出其矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="231" />
        <source>1 mineral</source>
        <translation>1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/models/membership_model.py" line="231" />
        <source>%1 minerals</source>
        <translation>%1 个矿种</translation>
    </message>
</context>
<context>
    <name>MineralChoiceModel</name>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="75" />
        <source>%1 is already on the list</source>
        <translation>%1 已在清单中</translation>
    </message>
</context>
<context>
    <name>MineralChooser</name>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="117" />
        <source>Filter: English or Chinese name, symbol</source>
        <translation>筛选：英文名、中文名或元素符号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="118" />
        <source>Filter minerals</source>
        <translation>筛选矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="122" />
        <source>Registry minerals</source>
        <translation>矿种库中的矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="141" />
        <source>1 mineral chosen</source>
        <translation>已选 1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="142" />
        <source>%1 minerals chosen</source>
        <translation>已选 %1 个矿种</translation>
    </message>
</context>
<context>
    <name>MineralListModel</name>
    <message>
        <location filename="../../ui/docks/minerals.py" line="121" />
        <source>%1 · No data in this project</source>
        <translation>%1 · 本项目无此矿种的数据</translation>
    </message>
</context>
<context>
    <name>MineralsModel</name>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="62" />
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="62" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="62" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="62" />
        <source>Symbol</source>
        <translation>符号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="62" />
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="63" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="63" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="66" />
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="66" />
        <source>Changed in this project</source>
        <translation>本项目已修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="67" />
        <source>This project's own</source>
        <translation>本项目自有</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="80" />
        <source>The id CritMin stores; it never changes</source>
        <translation>CritMin 存储的标识，不会改变</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="81" />
        <source>Whether the mineral is built in, changed in this project or the project's own</source>
        <translation>该矿种是内置的、在本项目中修改过的，还是本项目自有的</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="82" />
        <source>Double-click a cell to edit it</source>
        <translation>双击单元格进行编辑</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="115" />
        <source>Changed in this project; “Revert to Built-in” restores CritMin's value</source>
        <translation>已在本项目中修改；“恢复内置”可还原 CritMin 的原值</translation>
    </message>
</context>
<context>
    <name>MineralsPanel</name>
    <message>
        <location filename="../../ui/docks/minerals.py" line="229" />
        <source>Mineral list</source>
        <translation>矿种清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="230" />
        <source>The list of minerals every view shows</source>
        <translation>各视图显示的矿种清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="236" />
        <location filename="../../ui/docks/minerals.py" line="237" />
        <source>Filter minerals</source>
        <translation>筛选矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="246" />
        <source>Minerals</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="250" />
        <source>List note</source>
        <translation>清单说明</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="252" />
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="253" />
        <source>Check all minerals</source>
        <translation>勾选全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="254" />
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="255" />
        <source>Uncheck all minerals</source>
        <translation>取消勾选全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="312" />
        <source>New List…</source>
        <translation>新建清单…</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="312" />
        <source>Make a list of your own from chosen minerals</source>
        <translation>用选定的矿种新建自己的清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="314" />
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="314" />
        <source>Copy this list into a new list you can edit</source>
        <translation>将此清单复制为可编辑的新清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="316" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="316" />
        <source>Give this list another name</source>
        <translation>为此清单改名</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="317" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="317" />
        <source>Delete this list from the project (Undo brings it back)</source>
        <translation>从项目中删除此清单（可撤销）</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="319" />
        <source>Add Minerals…</source>
        <translation>添加矿种…</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="319" />
        <source>Add minerals from the registry to this list</source>
        <translation>从矿种库向此清单添加矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="321" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="321" />
        <source>Remove the selected minerals from this list</source>
        <translation>从此清单中移除所选矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="323" />
        <location filename="../../ui/docks/minerals.py" line="688" />
        <source>Paste Names</source>
        <translation>粘贴名称</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="323" />
        <location filename="../../ui/docks/minerals.py" line="383" />
        <source>Add the mineral names copied from Excel (one per row) to this list</source>
        <translation>将从 Excel 复制的矿种名称（每行一个）添加到此清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="326" />
        <source>Import List…</source>
        <translation>导入清单…</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="326" />
        <source>Make a list from the first column of an Excel or CSV file</source>
        <translation>用 Excel 或 CSV 文件的第一列新建清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="329" />
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="329" />
        <source>Compare two or more lists: which minerals they share</source>
        <translation>比较两个或多个清单：哪些矿种是共有的</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="332" />
        <location filename="../../ui/docks/minerals.py" line="342" />
        <location filename="../../ui/docks/minerals.py" line="343" />
        <source>Lists</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="344" />
        <source>Make, rename, duplicate, delete, import and compare lists</source>
        <translation>新建、重命名、复制、删除、导入和比较清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="377" />
        <source>Official lists are read-only. Duplicate to edit.</source>
        <translation>官方清单为只读。复制后即可编辑。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="379" />
        <location filename="../../ui/docks/minerals.py" line="625" />
        <source>Choose one of your lists to edit it, or make one with New List….</source>
        <translation>请选择您自己的清单进行编辑，或用“新建清单…”创建一个。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="384" />
        <source>Make a new list from the mineral names copied from Excel (one per row)</source>
        <translation>用从 Excel 复制的矿种名称（每行一个）新建清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="420" />
        <source>All minerals with data</source>
        <translation>有数据的全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="422" />
        <source>Every mineral the project holds data for</source>
        <translation>本项目中有数据的所有矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="438" />
        <source>%1 — official list, read-only</source>
        <translation>%1 — 官方清单，只读</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="447" />
        <location filename="../../ui/docks/minerals.py" line="750" />
        <source>1 mineral</source>
        <translation>1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="447" />
        <location filename="../../ui/docks/minerals.py" line="750" />
        <source>%1 minerals</source>
        <translation>%1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="491" />
        <source>Not in CritMin's registry, so not shown: %1</source>
        <translation>不在 CritMin 矿种库中，因此未显示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="552" />
        <source>New List</source>
        <translation>新建清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="552" />
        <location filename="../../ui/docks/minerals.py" line="758" />
        <source>Name of the new list:</source>
        <translation>新清单的名称：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="553" />
        <source>My list</source>
        <translation>我的清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="554" />
        <location filename="../../ui/docks/minerals.py" line="759" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="560" />
        <location filename="../../ui/docks/minerals.py" line="764" />
        <source>Create List '%1'</source>
        <translation>创建清单“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="577" />
        <source>Entries CritMin has no mineral for are left out: %1</source>
        <translation>以下条目在 CritMin 中没有对应矿种，不会复制：%1</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="578" />
        <source>Duplicate List</source>
        <translation>复制清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="578" />
        <source>Name of the copy:</source>
        <translation>副本的名称：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="579" />
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="580" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="583" />
        <source>Duplicate '%1' as '%2'</source>
        <translation>将“%1”复制为“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="595" />
        <source>Rename List</source>
        <translation>重命名清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="595" />
        <source>New name of “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="596" />
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="602" />
        <source>Rename List '%1' to '%2'</source>
        <translation>将清单“%1”重命名为“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="614" />
        <source>Delete List '%1'</source>
        <translation>删除清单“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="625" />
        <source>Add Minerals</source>
        <translation>添加矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="645" />
        <source>Nothing to add</source>
        <translation>没有可添加的矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="645" />
        <source>Every one of these minerals is on “%1” already.</source>
        <translation>这些矿种都已在“%1”中。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="650" />
        <source>Paste 1 mineral into '%1'</source>
        <translation>向“%1”粘贴 1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="651" />
        <source>Paste %1 minerals into '%2'</source>
        <translation>向“%2”粘贴 %1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="653" />
        <source>Add 1 mineral to '%1'</source>
        <translation>向“%1”添加 1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="654" />
        <source>Add %1 minerals to '%2'</source>
        <translation>向“%2”添加 %1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="665" />
        <source>A list keeps one mineral</source>
        <translation>清单至少保留一个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="666" />
        <source>“%1” would be left without minerals. To delete the list, choose Delete.</source>
        <translation>“%1”将不再包含任何矿种。如要删除该清单，请选择“删除”。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="670" />
        <source>Remove 1 mineral from '%1'</source>
        <translation>从“%1”移除 1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="671" />
        <source>Remove %1 minerals from '%2'</source>
        <translation>从“%2”移除 %1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="688" />
        <source>The clipboard holds no names. Copy a column of mineral names in Excel, then paste again.</source>
        <translation>剪贴板中没有名称。请在 Excel 中复制一列矿种名称后再粘贴。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="702" />
        <location filename="../../ui/docks/minerals.py" line="754" />
        <source>Import List</source>
        <translation>导入清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="703" />
        <source>Spreadsheets and CSV files (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)</source>
        <translation>电子表格和 CSV 文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="733" />
        <source>The names cannot be read</source>
        <translation>无法读取名称</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="743" />
        <source>No minerals</source>
        <translation>没有矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="743" />
        <source>None of the names is a mineral CritMin knows; nothing was written.</source>
        <translation>这些名称都不是 CritMin 已知的矿种；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="753" />
        <source>%1 from %2.</source>
        <translation>来自 %2 的 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="756" />
        <source>%1 from the clipboard.</source>
        <translation>来自剪贴板的 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="757" />
        <source>New List from Pasted Names</source>
        <translation>用粘贴的名称新建清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="757" />
        <source>Pasted list</source>
        <translation>粘贴的清单</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="763" />
        <source>Import List '%1'</source>
        <translation>导入清单“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/docks/minerals.py" line="801" />
        <source>%1 (official)</source>
        <translation>%1（官方）</translation>
    </message>
</context>
<context>
    <name>OverlapChart</name>
    <message>
        <location filename="../../ui/plots/overlap.py" line="56" />
        <source>List overlap chart</source>
        <translation>清单重叠图</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="58" />
        <source>Click a region or a bar to select its minerals in the table</source>
        <translation>点击区域或柱条，在表格中选中其矿种</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="75" />
        <source>What the chart counts</source>
        <translation>图表统计的内容</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="130" />
        <source>On both lists</source>
        <translation>同时在两个清单上</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="131" />
        <source>On all %1 lists</source>
        <translation>在全部 %1 个清单上</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="134" />
        <source>Only on %1</source>
        <translation>仅在 %1 上</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="195" />
        <source>Choose two or more lists to compare</source>
        <translation>请选择两个或更多清单进行比较</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="284" />
        <source>Each bar counts the minerals on exactly the lists marked by the dots below it.</source>
        <translation>每根柱条统计恰好在其下方圆点所标清单上的矿种数。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="287" />
        <source>Only the %1 largest of %2 combinations are shown.</source>
        <translation>仅显示 %2 个组合中最大的 %1 个。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="292" />
        <source>Each number counts the minerals on exactly those lists; the circles are not to scale.</source>
        <translation>每个数字统计恰好在这些清单上的矿种数；圆的大小不按比例。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="332" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="348" />
        <source>1 mineral</source>
        <translation>1 个矿种</translation>
    </message>
    <message>
        <location filename="../../ui/plots/overlap.py" line="349" />
        <source>%1 minerals</source>
        <translation>%1 个矿种</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../ui/views/overview_view.py" line="39" />
        <source>Overview title</source>
        <translation>总览标题</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="45" />
        <source>Overview note</source>
        <translation>总览说明</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="47" />
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="48" />
        <source>Export the Overview table</source>
        <translation>导出总览表</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="49" />
        <source>Write this table to an Excel workbook or a CSV file</source>
        <translation>将此表写出为 Excel 工作簿或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="53" />
        <source>Criticality table</source>
        <translation>关键性表</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="61" />
        <source>The criticality chart appears when the indicators are computed.</source>
        <translation>指标计算完成后将显示关键性象限图。</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="99" />
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="100" />
        <source>Open a project with data: the indicators are computed by themselves.</source>
        <translation>请打开含数据的项目：指标会自动计算。</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="101" />
        <source>The results have no year with D, M or R.</source>
        <translation>结果中没有任何年份有 D、M 或 R。</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="135" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="141" />
        <source>The largest producer at the stage shown</source>
        <translation>所示环节的最大生产国</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="145" />
        <source>The trend of D over the years</source>
        <translation>D 历年的趋势</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="146" />
        <source>The trend of M over the years</source>
        <translation>M 历年的趋势</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="147" />
        <source>The trend of R over the years</source>
        <translation>R 历年的趋势</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="149" />
        <source>How many of D, M and R are at or above their thresholds</source>
        <translation>D、M、R 中达到或高于各自阈值的个数</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="150" />
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="151" />
        <source>The alerts this year raises for the mineral (the Alerts view lists them; click to open it)</source>
        <translation>该矿种本年度触发的预警（“预警”视图中列出；单击即可打开）</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="156" />
        <source>Stage shown: %1</source>
        <translation>所示环节：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="165" />
        <source>All minerals with data</source>
        <translation>有数据的全部矿种</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="168" />
        <source>D for %1</source>
        <translation>%1的 D</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="175" />
        <source>Minerals of the selection without D, M, R or HHI in %1: %2.</source>
        <translation>所选矿种中 %1 年没有 D、M、R 或 HHI 的：%2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="178" />
        <source>Choose an assessed country (toolbar) to see its import dependency D.</source>
        <translation>请在工具栏中选择评估国家，即可查看其对外依存度 D。</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="187" />
        <source>Criticality chart</source>
        <translation>关键性象限图</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="193" />
        <source>criticality chart %1</source>
        <translation>关键性象限图 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="196" />
        <source>Import dependency D</source>
        <translation>对外依存度 D</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="196" />
        <source>Supply risk R</source>
        <translation>供应风险 R</translation>
    </message>
    <message>
        <location filename="../../ui/views/overview_view.py" line="201" />
        <source>Not on the chart (no D or no R): %1.</source>
        <translation>未在图中显示（缺少 D 或 R）：%1 个。</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <location filename="../../ui/docks/parameters.py" line="34" />
        <source>Core indicators</source>
        <translation>核心指标</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="37" />
        <source>Assessed country</source>
        <translation>评估国家</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="38" />
        <source>The country whose import dependency D is assessed (all countries if none).</source>
        <translation>评估其对外依存度 D 的国家（未选择时评估所有国家）。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="40" />
        <source>Analysis years</source>
        <translation>分析年份</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="41" />
        <source>all years, or e.g. 2015-2024</source>
        <translation>全部年份，或如 2015-2024</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="42" />
        <source>The analysis period; earlier years still feed windows and trends.</source>
        <translation>分析期；更早的年份仍用于滑动窗口和趋势。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="45" />
        <source>Window N (years)</source>
        <translation>窗口 N（年）</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="46" />
        <source>Market dynamics M: the number of years in the moving window.</source>
        <translation>市场动态 M：滑动窗口包含的年数。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="50" />
        <source>WGI bound</source>
        <translation>WGI 界限</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="51" />
        <source>Governance Γ: WGI estimates are rescaled from ±bound to 0..1.</source>
        <translation>治理 Γ：WGI 估计值从 ±界限 换算到 0..1。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="53" />
        <source>Threshold method</source>
        <translation>阈值方法</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="54" />
        <source>How the thresholds of D, M and R are set.</source>
        <translation>D、M 和 R 的阈值如何确定。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="55" />
        <source>Midpoint</source>
        <translation>中点法</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="55" />
        <source>Distance</source>
        <translation>距离法</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="56" />
        <source>Preset 0.29</source>
        <translation>预设 0.29</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="56" />
        <source>Manual value</source>
        <translation>手动设定值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="59" />
        <source>Midpoint of the two cluster centres of the values (k-means with two clusters).</source>
        <translation>取数值两个聚类中心的中点（两类 k-means 聚类）。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="60" />
        <source>Distance between the two cluster centres, as the reference paper describes it.</source>
        <translation>按参考文献的描述，取两个聚类中心之间的距离。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="61" />
        <source>The reference paper's supply-risk threshold 0.29.</source>
        <translation>参考文献中的供应风险阈值 0.29。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="62" />
        <source>A value of your own, typed in the field below.</source>
        <translation>在下方输入框中填写的自定义数值。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="68" />
        <source>Manual threshold</source>
        <translation>手动阈值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="69" />
        <source>The threshold of M and R when the method is 'Manual value' (0..1).</source>
        <translation>方法为“手动设定值”时 M 和 R 的阈值（0..1）。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="71" />
        <source>Withheld values</source>
        <translation>保密数值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="72" />
        <source>What a withheld (W) value means for import dependency.</source>
        <translation>计算对外依存度时如何处理保密（W）数值。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="73" />
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="73" />
        <source>Last known value</source>
        <translation>最近的已知值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="74" />
        <source>Use the bound</source>
        <translation>使用界限值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="76" />
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="77" />
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="78" />
        <source>Window N:</source>
        <translation>窗口 N：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="79" />
        <source>WGI bound:</source>
        <translation>WGI 界限：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="80" />
        <source>Thresholds:</source>
        <translation>阈值：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="81" />
        <source>Manual threshold:</source>
        <translation>手动阈值：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="82" />
        <source>Withheld (W):</source>
        <translation>保密（W）：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="98" />
        <source>Extended indicators</source>
        <translation>扩展指标</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="111" />
        <source>Top-k producers</source>
        <translation>前 k 大生产国</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="112" />
        <source>Concentration: the top-k share adds up the k largest producers.</source>
        <translation>集中度：前 k 大份额为最大的 k 个生产国的份额之和。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="113" />
        <source>Growth years n</source>
        <translation>增长年数 n</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="114" />
        <source>Production growth G = (Pₜ / Pₜ₋ₙ)^(1/n) over this many years.</source>
        <translation>按此年数计算产量增长 G = (Pₜ / Pₜ₋ₙ)^(1/n)。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="115" />
        <source>Reserve warning (years)</source>
        <translation>储量预警（年）</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="116" />
        <source>Reserves that last fewer years of production than this are a warning.</source>
        <translation>储量按产量可维持的年数少于此值时予以预警。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="118" />
        <source>Categories: high R from</source>
        <translation>类型：高 R 起始值</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="119" />
        <source>Supply-security categories: R at or above this counts as high supply risk.</source>
        <translation>供应安全类型：R 达到或高于此值即视为高供应风险。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="121" />
        <source>High-risk partner from Γ</source>
        <translation>高风险伙伴 Γ 下限</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="122" />
        <source>Import sources: imports from partners whose governance risk Γ is at or above this count as coming from high-risk partners.</source>
        <translation>进口来源：来自治理风险 Γ 达到或超过此值的贸易伙伴的进口，计为来自高风险伙伴。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="125" />
        <source>Demand target year</source>
        <translation>需求目标年份</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="126" />
        <source>Demand scenarios: the year the demand multipliers reach.</source>
        <translation>需求情景：需求倍数所对应的目标年份。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="128" />
        <source>Demand multipliers</source>
        <translation>需求倍数</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="129" />
        <source>Demand in the target year ÷ demand in the base year, per mineral (default: IEA Global Critical Minerals Outlook 2024).</source>
        <translation>各矿种目标年份需求 ÷ 基准年份需求（默认值：IEA《全球关键矿产展望 2024》）。</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="131" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="131" />
        <source>Multiplier</source>
        <translation>倍数</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="142" />
        <source>Top-k:</source>
        <translation>前 k 大：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="143" />
        <source>Growth years:</source>
        <translation>增长年数：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="144" />
        <source>Reserve warning:</source>
        <translation>储量预警：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="145" />
        <source>Categories, high R:</source>
        <translation>类型，高 R：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="146" />
        <source>High-risk partner, Γ ≥:</source>
        <translation>高风险伙伴，Γ ≥：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="147" />
        <source>Demand target year:</source>
        <translation>需求目标年份：</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="161" />
        <source>All countries</source>
        <translation>所有国家</translation>
    </message>
    <message>
        <location filename="../../ui/docks/parameters.py" line="207" />
        <source>The demand multiplier of %1 is not a number.</source>
        <translation>%1 的需求倍数不是数字。</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../../ui/plots/export.py" line="60" />
        <source>A plot can be saved as .png or .svg, not as “%1”.</source>
        <translation>图表只能保存为 .png 或 .svg，不能保存为“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/export.py" line="92" />
        <source>Could not write %1. Check the folder and your rights to it.</source>
        <translation>无法写入 %1。请检查该文件夹及您对它的访问权限。</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <location filename="../../ui/plots/base.py" line="186" />
        <source>Value under the pointer</source>
        <translation>指针处的数值</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="233" />
        <source>Plot menu</source>
        <translation>图表菜单</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="252" />
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="253" />
        <source>Save the plot as a PNG image, as sharp as on this screen</source>
        <translation>将图表保存为 PNG 图像，清晰度与屏幕显示一致</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="256" />
        <source>Save as SVG…</source>
        <translation>另存为 SVG…</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="257" />
        <source>Save the plot as an SVG drawing that stays sharp at any size</source>
        <translation>将图表保存为 SVG 矢量图，任意尺寸下均保持清晰</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="260" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="261" />
        <source>Copy the plot as an image, to paste into a report</source>
        <translation>将图表复制为图像，以便粘贴到报告中</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="264" />
        <source>Show All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="265" />
        <source>Zoom out to show all the data again</source>
        <translation>缩小以重新显示全部数据</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="276" />
        <source>Save Plot as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="277" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="279" />
        <source>Save Plot as SVG</source>
        <translation>将图表另存为 SVG</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="280" />
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/plots/base.py" line="295" />
        <source>Plot not saved</source>
        <translation>图表未保存</translation>
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
        <location filename="../../ui/docks/problems.py" line="16" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="17" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="18" />
        <location filename="../../ui/docks/problems.py" line="38" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="49" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="50" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/docks/problems.py" line="51" />
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
        <location filename="../../ui/docks/problems.py" line="70" />
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
    <name>QuadrantChart</name>
    <message>
        <location filename="../../ui/plots/quadrant.py" line="42" />
        <source>Criticality chart</source>
        <translation>关键性象限图</translation>
    </message>
    <message>
        <location filename="../../ui/plots/quadrant.py" line="44" />
        <source>Click a point to select its mineral; drag to pan, scroll to zoom</source>
        <translation>单击某点可选中其矿种；拖动可平移，滚动可缩放</translation>
    </message>
    <message>
        <location filename="../../ui/plots/quadrant.py" line="111" />
        <source>Point size: %1 (hollow: no value)</source>
        <translation>点的大小：%1（空心：无数值）</translation>
    </message>
    <message>
        <location filename="../../ui/plots/quadrant.py" line="367" />
        <source>no value</source>
        <translation>无数值</translation>
    </message>
    <message>
        <location filename="../../ui/plots/quadrant.py" line="369" />
        <source>%1 — %2: %3, %4: %5, %6: %7</source>
        <translation>%1 — %2：%3，%4：%5，%6：%7</translation>
    </message>
</context>
<context>
    <name>RegistryEditorDialog</name>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="206" />
        <source>“%1” already names %2; a name can mean one mineral only.</source>
        <translation>“%1”已是%2的名称；一个名称只能指一个矿种。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="216" />
        <source>Minerals and Names</source>
        <translation>矿种与名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="225" />
        <source>Filter by name, id, symbol, group or note</source>
        <translation>按名称、标识、符号、类别或备注筛选</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="226" />
        <source>Filter minerals</source>
        <translation>筛选矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="227" />
        <source>Show only the minerals whose cells contain this text</source>
        <translation>只显示单元格包含此文字的矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="234" />
        <source>Minerals</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="235" />
        <source>Double-click a name, symbol, group or note to change it for this project</source>
        <translation>双击名称、符号、类别或备注，可为本项目修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="248" />
        <source>CritMin's minerals and this project's changes to them. Changes are saved in the project and override the built-in names; imports and pastes find the new names.</source>
        <translation>CritMin 的矿种及本项目对它们的修改。修改保存在项目中并覆盖内置名称；导入和粘贴时能识别新名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="254" />
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="255" />
        <source>Add Mineral…</source>
        <translation>添加矿种…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="255" />
        <source>Add a mineral CritMin does not know, such as a ministry's own category</source>
        <translation>添加 CritMin 没有的矿种，例如部委自己的类别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="257" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="257" />
        <source>Remove the selected mineral (only this project's own, and only while no rows use it)</source>
        <translation>删除所选矿种（仅限本项目自有且没有数据行使用的矿种）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="260" />
        <source>Revert to Built-in</source>
        <translation>恢复内置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="260" />
        <source>Drop this project's changes to the selected mineral</source>
        <translation>撤销本项目对所选矿种的修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="264" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="265" />
        <source>Close; every change is saved already</source>
        <translation>关闭；所有修改均已保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="337" />
        <location filename="../../ui/dialogs/registry_editor.py" line="403" />
        <source>A mineral needs an English name.</source>
        <translation>矿种需要英文名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="343" />
        <source>Rename %1</source>
        <translation>重命名%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="343" />
        <source>Rename %1 in Chinese</source>
        <translation>修改%1的中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="344" />
        <source>Change Symbol of %1</source>
        <translation>修改%1的符号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="344" />
        <source>Change Group of %1</source>
        <translation>修改%1的类别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="345" />
        <source>Edit Note of %1</source>
        <translation>编辑%1的备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="358" />
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="372" />
        <source>Remove %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="380" />
        <source>Revert %1 to Built-in</source>
        <translation>将%1恢复为内置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="398" />
        <source>%1 cannot be removed: the project's %2 use it.</source>
        <translation>无法删除%1：本项目的%2使用了它。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="399" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="405" />
        <source>The change cannot be undone or redone: the project has changed since.</source>
        <translation>无法撤销或重做此修改：项目此后已被更改。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="409" />
        <source>aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="409" />
        <source>lists</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="409" />
        <source>production</source>
        <translation>产量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="410" />
        <source>reserves</source>
        <translation>储量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="410" />
        <source>balance</source>
        <translation>供需平衡</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/registry_editor.py" line="410" />
        <source>prices</source>
        <translation>价格</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <location filename="../../ui/views/results_pane.py" line="25" />
        <source>Out of date — recomputing…</source>
        <translation>已过时 — 正在重新计算…</translation>
    </message>
    <message>
        <location filename="../../ui/views/results_pane.py" line="26" />
        <source>Out of date</source>
        <translation>已过时</translation>
    </message>
</context>
<context>
    <name>ScenarioEditDialog</name>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="46" />
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="47" />
        <source>Scenario editor</source>
        <translation>情景编辑器</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="49" />
        <source>Scenario name</source>
        <translation>情景名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="50" />
        <source>A short name, e.g. DR Congo cobalt output −50 %</source>
        <translation>简短的名称，例如：刚果（金）钴产量 −50%</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="52" />
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="53" />
        <source>Why this scenario is worth asking about, in a sentence or two</source>
        <translation>用一两句话说明为何值得研究此情景</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="56" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="57" />
        <source>Where the measure or projection is reported</source>
        <translation>该措施或预测的出处</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="59" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="60" />
        <source>Rationale:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="61" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="64" />
        <source>Changes</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="66" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="66" />
        <source>Mineral</source>
        <translation>矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="66" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="66" />
        <location filename="../../ui/dialogs/scenario_edit.py" line="141" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="66" />
        <source>From year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="67" />
        <source>Factor</source>
        <translation>系数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="67" />
        <source>Target year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="67" />
        <source>Partners</source>
        <translation>出口对象</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="70" />
        <source>The mineral: English or Chinese name, or symbol</source>
        <translation>矿种：英文或中文名称，或符号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="71" />
        <source>The country: name or ISO code; empty for a demand change</source>
        <translation>国家：名称或 ISO 代码；需求变化留空</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="72" />
        <source>The production stage the change applies to; empty = every stage</source>
        <translation>变化适用的生产环节；留空 = 所有环节</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="77" />
        <source>Exports only: the importers that lose the exports, names or ISO codes separated by ; (e.g. USA; JPN); empty = every partner</source>
        <translation>仅限出口变化：失去该出口的进口国，填写名称或 ISO 代码，用 ; 分隔（如 USA; JPN）；留空表示所有贸易伙伴</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="79" />
        <source>Policy event only: the measure (export ban, quota, licence, tariff …); it changes no quantity — add an exports change for that</source>
        <translation>仅用于政策事件：措施类型（出口禁令、配额、许可、关税……）；它不改变任何数量——如需改变数量，请另加一项出口变化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="86" />
        <source>Add Change</source>
        <translation>添加变化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="87" />
        <source>Add a change</source>
        <translation>添加变化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="88" />
        <source>Add a row for one more change</source>
        <translation>再添加一行变化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="90" />
        <source>Remove Change</source>
        <translation>删除变化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="91" />
        <source>Remove the selected change</source>
        <translation>删除所选变化</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="92" />
        <source>Remove the selected rows</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="100" />
        <source>What is wrong</source>
        <translation>错误说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="109" />
        <source>Changes:</source>
        <translation>变化：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="126" />
        <source>Scale production</source>
        <translation>调整产量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="126" />
        <source>Export ban or quota</source>
        <translation>出口禁令或配额</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="127" />
        <source>Demand multiplier</source>
        <translation>需求倍数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="130" />
        <source>Every stage</source>
        <translation>所有环节</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="130" />
        <source>Mine</source>
        <translation>矿山</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="130" />
        <source>Refinery</source>
        <translation>精炼</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="137" />
        <source>Change type</source>
        <translation>变化类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="146" />
        <source>Policy event type</source>
        <translation>政策事件类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="199" />
        <source>Type a name for the scenario.</source>
        <translation>请输入情景名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="201" />
        <source>A scenario named “%1” exists already; choose another name.</source>
        <translation>名为“%1”的情景已存在；请另选名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="206" />
        <source>Add at least one change.</source>
        <translation>请至少添加一项变化。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="215" />
        <source>Change %1: %2</source>
        <translation>变化 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="239" />
        <source>“%1” is not a known mineral.</source>
        <translation>“%1”不是已知矿种。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="244" />
        <location filename="../../ui/dialogs/scenario_edit.py" line="297" />
        <source>“%1” is not a known country.</source>
        <translation>“%1”不是已知国家。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="259" />
        <source>“%1” is not a year.</source>
        <translation>“%1”不是年份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="278" />
        <source>the factor “%1” is not a number.</source>
        <translation>系数“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="281" />
        <source>the factor must be 0 or more (a demand multiplier: more than 0).</source>
        <translation>系数必须大于或等于 0（需求倍数：必须大于 0）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="271" />
        <location filename="../../ui/dialogs/scenario_edit.py" line="293" />
        <source>only an export change names partners; empty the Partners cell.</source>
        <translation>只有出口变化才能指定出口对象；请清空“出口对象”单元格。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="67" />
        <location filename="../../ui/dialogs/scenario_edit.py" line="127" />
        <source>Policy event</source>
        <translation>政策事件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="68" />
        <source>Scale production (0 = stops), exports (0 = export ban, 0.7 = quota) or demand (×), or add a policy event that the risk matrix and the alerts read</source>
        <translation>调整产量（0 = 停产）、出口（0 = 出口禁令，0.7 = 配额）或需求（×），或添加一项风险矩阵和预警会读取的政策事件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="73" />
        <source>The first year the change applies; empty = every year (a policy event needs it)</source>
        <translation>变化开始生效的年份；留空 = 所有年份（政策事件必须填写）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="74" />
        <source>0.5 halves, 0 removes or bans; for demand the multiplier, e.g. 5; a policy event has none</source>
        <translation>0.5 表示减半，0 表示停产或禁止；需求则为倍数，如 5；政策事件无系数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="75" />
        <source>Demand: the year the multiplier is reached (empty = the parameters' target year); policy event: the last year it is in force (empty = still in force)</source>
        <translation>需求：达到该倍数的年份（留空 = 参数中的目标年份）；政策事件：生效的最后一年（留空 = 仍然有效）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="246" />
        <source>name the country whose production or exports change, or that applies the policy event.</source>
        <translation>请填写产量或出口发生变化的国家，或实施该政策事件的国家。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="265" />
        <source>choose the policy event in the Policy event column.</source>
        <translation>请在“政策事件”列中选择政策事件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="267" />
        <source>a policy event needs the year it starts (From year).</source>
        <translation>政策事件需要填写起始年份（“起始年份”列）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="269" />
        <source>a policy event cannot end before it starts.</source>
        <translation>政策事件的结束年份不能早于起始年份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="227" />
        <source>only a policy event change names a policy event; choose the empty entry or make the change a policy event.</source>
        <translation>只有政策事件变化才填写政策事件；请选择空白项，或将变化类型改为政策事件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/scenario_edit.py" line="299" />
        <source>a country cannot be its own export partner.</source>
        <translation>一个国家不能是自己的出口对象。</translation>
    </message>
</context>
<context>
    <name>ScenarioListModel</name>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="200" />
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="201" />
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/models/scenario_model.py" line="215" />
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
</context>
<context>
    <name>ScenariosView</name>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="72" />
        <location filename="../../ui/views/scenarios_view.py" line="487" />
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="92" />
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="92" />
        <source>New scenario</source>
        <translation>新建情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="93" />
        <source>Define a new scenario: its name, rationale, source and changes</source>
        <translation>定义新情景：名称、理由、来源和变化</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="94" />
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="94" />
        <source>Duplicate scenario</source>
        <translation>复制情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="95" />
        <source>Copy the selected scenario under a new name, to edit the copy</source>
        <translation>以新名称复制所选情景，以便编辑副本</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="97" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="97" />
        <source>Edit scenario</source>
        <translation>编辑情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="98" />
        <source>Change the selected scenario</source>
        <translation>修改所选情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="99" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="99" />
        <source>Delete scenario</source>
        <translation>删除情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="100" />
        <source>Delete the selected scenario (Edit → Undo brings it back)</source>
        <translation>删除所选情景（“编辑 → 撤销”可恢复）</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="101" />
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="101" />
        <source>Run scenario</source>
        <translation>运行情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="105" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="105" />
        <source>Export the comparison</source>
        <translation>导出对比</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="106" />
        <source>Write the comparison to an Excel workbook</source>
        <translation>将对比写出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="114" />
        <source>Selected scenario</source>
        <translation>所选情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="131" />
        <source>Comparison title</source>
        <translation>对比标题</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="138" />
        <source>Comparison note</source>
        <translation>对比说明</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="142" />
        <source>Scenario comparison</source>
        <translation>情景对比</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="143" />
        <source>Baseline, scenario and change; red: supply less secure, green: more secure</source>
        <translation>基准、情景及变化；红色：供应安全性降低，绿色：提高</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="273" />
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="289" />
        <source>New Scenario</source>
        <translation>新建情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="298" />
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="299" />
        <source>Duplicate Scenario</source>
        <translation>复制情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="305" />
        <source>Edit Scenario</source>
        <translation>编辑情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="316" />
        <source>New Scenario “%1”</source>
        <translation>新建情景“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="318" />
        <source>Edit Scenario “%1”</source>
        <translation>编辑情景“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="324" />
        <source>Delete Scenario “%1”</source>
        <translation>删除情景“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="411" />
        <source>Running “%1”…</source>
        <translation>正在运行“%1”…</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="412" />
        <source>Running scenario “%1”</source>
        <translation>正在运行情景“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="414" />
        <source>Running %1 scenarios…</source>
        <translation>正在运行 %1 个情景…</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="415" />
        <source>Running %1 scenarios</source>
        <translation>正在运行 %1 个情景</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="431" />
        <source>“%1” beside the baseline, %2</source>
        <translation>“%1”与基准对比，%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="429" />
        <source>every year</source>
        <translation>所有年份</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="73" />
        <source>The project's what-if scenarios; select one and press Run, or tick several to compare them side by side</source>
        <translation>项目中的假设情景；选中一个后点击“运行”，或勾选多个并排比较</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="102" />
        <source>Compute the indicators with the scenario's changes, beside the baseline; with scenarios ticked, all the ticked ones side by side</source>
        <translation>按情景的变化计算指标，与基准并列；勾选了多个情景时，所有勾选的情景并排显示</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="433" />
        <source>%1 scenarios beside the baseline, %2</source>
        <translation>%1 个情景与基准对比，%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="437" />
        <source>Only the scenario's minerals on the list “%1” are shown.</source>
        <translation>仅显示该情景中属于清单“%1”的矿种。</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="440" />
        <source>No trade flows: an export change leaves the world market, not the importers' D.</source>
        <translation>无贸易流数据：出口变化只影响世界市场，不影响进口国的 D。</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="442" />
        <source>The data have no rows for this scenario's minerals in this year.</source>
        <translation>数据中没有该情景所涉矿种在本年份的行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="479" />
        <source>Export Scenario Comparison</source>
        <translation>导出情景对比</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="480" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="497" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/scenarios_view.py" line="499" />
        <source>Exporting the comparison</source>
        <translation>正在导出比较结果</translation>
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
        <location filename="../../ui/views/data_view.py" line="194" />
        <source>Sources</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>StackedAreaPlot</name>
    <message>
        <location filename="../../ui/plots/stacked.py" line="45" />
        <source>Production shares by country</source>
        <translation>各国产量份额</translation>
    </message>
    <message>
        <location filename="../../ui/plots/stacked.py" line="47" />
        <source>Point at a band to read the country's share in that year</source>
        <translation>将指针移到色带上，即可读取该国在该年的份额</translation>
    </message>
    <message>
        <location filename="../../ui/plots/stacked.py" line="76" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/plots/stacked.py" line="77" />
        <source>Share of world production</source>
        <translation>占全球产量的份额</translation>
    </message>
    <message>
        <location filename="../../ui/plots/stacked.py" line="138" />
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../ui/models/frame_model.py" line="330" />
        <source>The pasted block has %1 columns; only %2 fit from column '%3'.</source>
        <translation>粘贴的区域有 %1 列，但从“%3”列起只能容纳 %2 列。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="361" />
        <source>'%1' cannot be edited: it says which import a row came from.</source>
        <translation>“%1”不能编辑：它记录该行来自哪一次导入。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="367" />
        <source>Row %1, column '%2': </source>
        <translation>第 %1 行，“%2”列：</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="380" />
        <source>Row %1, column '%2': a plain number is expected here.</source>
        <translation>第 %1 行，列“%2”：此处应为普通数字。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="390" />
        <source>Row %1 would be a new row, but it has no %2.</source>
        <translation>第 %1 行将作为新行添加，但缺少%2。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="397" />
        <source>Edit %1</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="398" />
        <source>Paste 1 cell</source>
        <translation>粘贴 1 个单元格</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="398" />
        <source>Paste %1 cells</source>
        <translation>粘贴 %1 个单元格</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="421" />
        <source>'%1' cannot be empty: it identifies the row. Delete the row instead.</source>
        <translation>“%1”不能为空：它用于标识该行。如需去掉，请删除该行。</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="439" />
        <source>Clear 1 cell</source>
        <translation>清除 1 个单元格</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="439" />
        <source>Clear %1 cells</source>
        <translation>清除 %1 个单元格</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="447" />
        <source>Delete 1 row</source>
        <translation>删除 1 行</translation>
    </message>
    <message>
        <location filename="../../ui/models/frame_model.py" line="447" />
        <source>Delete %1 rows</source>
        <translation>删除 %1 行</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <location filename="../../ui/views/data_view.py" line="49" />
        <source>Sorting</source>
        <translation>正在排序</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="87" />
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="109" />
        <source>Value not accepted</source>
        <translation>无法接受此值</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="119" />
        <location filename="../../ui/views/data_view.py" line="137" />
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../ui/views/data_view.py" line="120" />
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
        <location filename="../../ui/tasks.py" line="220" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="225" />
        <source>The file could not be read or written%1: %2.</source>
        <translation>无法读取或写入文件%1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="228" />
        <source>An internal error occurred; details were written to %1.</source>
        <translation>发生内部错误，详细信息已写入 %1。</translation>
    </message>
</context>
<context>
    <name>TimeSeriesPlot</name>
    <message>
        <location filename="../../ui/plots/timeseries.py" line="27" />
        <source>Indicator over time</source>
        <translation>指标随时间变化</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timeseries.py" line="29" />
        <source>Click a point to select its mineral and year; click a legend entry to hide its line</source>
        <translation>单击某点可选中其矿种和年份；单击图例项可隐藏其曲线</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timeseries.py" line="38" />
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timeseries.py" line="40" />
        <source>Logarithmic y axis, for values of very different sizes; zero and below is not drawn</source>
        <translation>y 轴采用对数坐标，适用于大小相差悬殊的数值；零及负值不绘制</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timeseries.py" line="72" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/plots/timeseries.py" line="196" />
        <source>%1, %2 — %3: %4</source>
        <translation>%1，%2 — %3：%4</translation>
    </message>
</context>
<context>
    <name>UnknownNamesDialog</name>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="261" />
        <source>Unknown Mineral Names</source>
        <translation>无法识别的矿种名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="266" />
        <source>CritMin does not know 1 of the names.</source>
        <translation>CritMin 无法识别其中 1 个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="267" />
        <source>CritMin does not know %1 of the names.</source>
        <translation>CritMin 无法识别其中 %1 个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="268" />
        <source>1 name was recognised.</source>
        <translation>已识别 1 个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="269" />
        <source>%1 names were recognised.</source>
        <translation>已识别 %1 个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="271" />
        <source>Choose the mineral each unknown name means, or skip it; nothing is written until you click OK.</source>
        <translation>请为每个无法识别的名称选择对应的矿种，或跳过该名称；点击“确定”之前不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="275" />
        <source>Unknown names</source>
        <translation>无法识别的名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="276" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="276" />
        <source>Means</source>
        <translation>对应为</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="290" />
        <source>Did you mean %1?</source>
        <translation>您是否指 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="291" />
        <source>No close match</source>
        <translation>没有相近的名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="294" />
        <source>Mineral for “%1”</source>
        <translation>“%1”对应的矿种</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="296" />
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/list_edit.py" line="297" />
        <source>Skip this name</source>
        <translation>跳过此名称</translation>
    </message>
</context>
<context>
    <name>self.dialog</name>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="146" />
        <source>Means</source>
        <translation>对应为</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/aliases.py" line="147" />
        <source>Type part of a name to filter</source>
        <translation>输入名称的一部分进行筛选</translation>
    </message>
</context>
</TS>