<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="23" />
        <source>Critical-mineral supply-chain security workbench</source>
        <translation>关键矿产供应链安全分析工作台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="27" />
        <source>&lt;h2&gt;CritMin 关键矿产供应链安全分析工作台&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;CritMin 关键矿产供应链安全分析工作台&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="34" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="35" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="36" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="37" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="38" />
        <source>&amp;About CritMin</source>
        <translation>关于 CritMin(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="39" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="43" />
        <source>Open project or data file</source>
        <translation>打开项目或数据文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="44" />
        <source>CritMin projects and data (*.critmin *.xlsx *.xls *.csv);;All files (*)</source>
        <translation>CritMin 项目和数据 (*.critmin *.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="52" />
        <source>Open a project or a data file from the File menu.</source>
        <translation>请从“文件”菜单打开项目或数据文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="63" />
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78" />
        <source>About CritMin</source>
        <translation>关于 CritMin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="79" />
        <source>CritMin %1
Critical-mineral supply-chain security workbench.
Data sources: see data/README.md.</source>
        <translation>CritMin %1
关键矿产供应链安全分析工作台。
数据来源：见 data/README.md。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="83" />
        <source>An internal error occurred; details were written to %1.</source>
        <translation>发生内部错误，详细信息已写入 %1。</translation>
    </message>
</context>
</TS>