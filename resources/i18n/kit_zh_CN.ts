<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../kit/confirm.py" line="25"/>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <location filename="../../kit/export.py" line="90"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../kit/export.py" line="91"/>
        <source>Save what the list shows, filters applied, as an Excel file</source>
        <translation>把列表当前显示的内容（按所选条件）保存为 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../kit/export.py" line="101"/>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../kit/export.py" line="103"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kit/export.py" line="114"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../kit/export.py" line="127"/>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>FormErrors</name>
    <message>
        <location filename="../../kit/form_errors.py" line="214"/>
        <source>{count} item(s) to correct (marked in red); nothing was saved.</source>
        <translation>有 {count} 处需要修改（已标红），没有保存。</translation>
    </message>
</context>
<context>
    <name>IdNumberField</name>
    <message>
        <location filename="../../kit/fields.py" line="134"/>
        <source>18 characters; the last may be X</source>
        <translation>18 位，最后一位可以是 X</translation>
    </message>
    <message>
        <location filename="../../kit/fields.py" line="135"/>
        <source>The document&apos;s number: letters and digits</source>
        <translation>证件号码：字母和数字</translation>
    </message>
    <message>
        <location filename="../../kit/fields.py" line="163"/>
        <source>Born {year}-{month}-{day}, {gender}</source>
        <translation>{year}年{month}月{day}日出生，{gender}</translation>
    </message>
</context>
<context>
    <name>LiveFeed</name>
    <message>
        <location filename="../../kit/live.py" line="238"/>
        <source>Lost the connection to the database ({reason}). Retrying every {seconds} seconds; what you have typed is kept.</source>
        <translation>与数据库的连接已中断（{reason}）。每 {seconds} 秒自动重试；已输入的内容不会丢失。</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../kit/operations.py" line="63"/>
        <source>The database cannot be reached: nothing was saved and what you typed is kept. Try again when the connection is back.</source>
        <translation>无法连接数据库：未保存任何内容，已填写的内容都保留着。连接恢复后请再试一次。</translation>
    </message>
    <message>
        <location filename="../../kit/operations.py" line="68"/>
        <source>The database cannot be reached: what is shown may be out of date. It is read again when the connection is back.</source>
        <translation>无法连接数据库：显示的内容可能不是最新的，连接恢复后会重新读取。</translation>
    </message>
    <message>
        <location filename="../../kit/operations.py" line="76"/>
        <source>The file could not be written: {reason}.</source>
        <translation>无法写入文件：{reason}。</translation>
    </message>
    <message>
        <location filename="../../kit/operations.py" line="331"/>
        <source>The work could not be done because of an error in the program; the details are in the log.</source>
        <translation>程序出错，未能完成此项工作；详细情况已记入日志。</translation>
    </message>
    <message>
        <location filename="../../kit/operations.py" line="345"/>
        <source>Not done</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../kit/save_file.py" line="16"/>
        <source>&amp;Look in:</source>
        <translation>查看(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../kit/save_file.py" line="17"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
