<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CategoriesPanel</name>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="200"/>
        <source>By channel</source>
        <translation>按来源</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="200"/>
        <source>Channel</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="201"/>
        <source>By purpose</source>
        <translation>按目的</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="201"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="202"/>
        <source>By class of the Regulation</source>
        <translation>按条例分类</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="202"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="203"/>
        <source>By window</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="203"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="204"/>
        <source>By township</source>
        <translation>按乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="204"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="205"/>
        <source>By content category</source>
        <translation>按内容分类</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="205"/>
        <source>Category</source>
        <translation>内容分类</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="206"/>
        <source>By responsible unit</source>
        <translation>按责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="206"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>CountsTable</name>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="185"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
</context>
<context>
    <name>CourtPanel</name>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="337"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="337"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="338"/>
        <source>Track</source>
        <translation>审理程序</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="338"/>
        <source>Registered</source>
        <translation>立案数</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="339"/>
        <source>Outcome</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="339"/>
        <source>Closed</source>
        <translation>结案数</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="355"/>
        <source>Visitors received</source>
        <translation>接待来访群众（人次）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="356"/>
        <source>Matters handled</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="357"/>
        <source>Cases registered</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="358"/>
        <source>Cases closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="359"/>
        <source>Closed by mediation</source>
        <translation>调解结案</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="360"/>
        <source>Judicial confirmations</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="362"/>
        <source>Mediation rate</source>
        <translation>调解率</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="365"/>
        <source>Average days to mediation</source>
        <translation>平均调解天数</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="40"/>
        <source>Saved {path}.</source>
        <translation>已保存：{path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="77"/>
        <source>Items behind the figure</source>
        <translation>指标明细</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="83"/>
        <source>Show &amp;more</source>
        <translation>显示更多(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="85"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="87"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="106"/>
        <source>Reading the list…</source>
        <translation>正在读取清单…</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="149"/>
        <source>{count} of {total} shown, more to show</source>
        <translation>已显示 {count} 条（共 {total} 条），还有更多</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="153"/>
        <source>{count} in all</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="157"/>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/drill.py" line="160"/>
        <source>Export the list</source>
        <translation>导出清单</translation>
    </message>
</context>
<context>
    <name>MechanismsPanel</name>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="30"/>
        <source>Leader</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="31"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="32"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="33"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="37"/>
        <source>Resolution rate by leader in charge (包案领导)</source>
        <translation>化解率（按包案领导）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="38"/>
        <source>Resolution rate by responsible unit</source>
        <translation>化解率（按责任单位）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="45"/>
        <source>Stations ranked by entries sent</source>
        <translation>工作站报送排名</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="46"/>
        <source>Townships ranked by entries sent</source>
        <translation>乡镇（街道）报送排名</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="63"/>
        <source>Entries</source>
        <translation>包案件数</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="64"/>
        <source>With an outcome</source>
        <translation>有结果</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="65"/>
        <source>Resolved</source>
        <translation>化解</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="66"/>
        <source>Resolution rate (resolved / with an outcome)</source>
        <translation>化解率（化解/有结果）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="82"/>
        <source>Requests</source>
        <translation>群众诉求</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="82"/>
        <source>Early warnings</source>
        <translation>预警信息</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/mechanisms_panel.py" line="82"/>
        <source>In all</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>MonthRates</name>
    <message>
        <location filename="../../desktop/statistics/month_rates.py" line="21"/>
        <source>This month&apos;s rates</source>
        <translation>本月各项比率</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="116"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="117"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="118"/>
        <source>Numerator / denominator</source>
        <translation>分子 / 分母</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="119"/>
        <source>What is counted</source>
        <translation>口径说明</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="134"/>
        <source>Open the list behind this figure</source>
        <translation>打开这一指标的明细清单</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="159"/>
        <source>{period}, counted on {day}</source>
        <translation>{period}，统计截至 {day}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="260"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="261"/>
        <source>Tickets</source>
        <translation>取号数</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="262"/>
        <location filename="../../desktop/statistics/panels.py" line="273"/>
        <source>Served</source>
        <translation>办结数</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="263"/>
        <source>No-show</source>
        <translation>过号率</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="264"/>
        <source>Average wait (min)</source>
        <translation>平均等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="265"/>
        <source>Longest wait (min)</source>
        <translation>最长等候（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="266"/>
        <location filename="../../desktop/statistics/panels.py" line="273"/>
        <source>Average service (min)</source>
        <translation>平均办理（分钟）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="267"/>
        <source>Called within target</source>
        <translation>按时叫号率</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="268"/>
        <source>Served per hour</source>
        <translation>每小时办结</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="273"/>
        <source>Officer</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="283"/>
        <source>Services finished per officer</source>
        <translation>各工作人员办结数</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../desktop/statistics/page.py" line="84"/>
        <source>Statistics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="103"/>
        <source>Today</source>
        <translation>当日</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="104"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="105"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="106"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="107"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="108"/>
        <source>Chosen days</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="118"/>
        <source>Whole hall</source>
        <translation>全大厅</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="119"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="120"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="121"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="127"/>
        <source>&amp;Count</source>
        <translation>统计(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="136"/>
        <source>&amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="137"/>
        <source>Export this tab to an Excel workbook</source>
        <translation>把当前标签页导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="139"/>
        <source>&amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="141"/>
        <source>Save the period&apos;s report (the yearly report for a calendar year) as PDF</source>
        <translation>把本期统计报告（整年为年度信访工作情况报告）保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="144"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="145"/>
        <source>Print the period&apos;s report</source>
        <translation>打印本期统计报告</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="148"/>
        <source>P&amp;eriod</source>
        <translation>期间(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="150"/>
        <source>&amp;Scope</source>
        <translation>范围(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="188"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="189"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="190"/>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="191"/>
        <source>Window efficiency</source>
        <translation>窗口效能</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="192"/>
        <source>Court</source>
        <translation>法庭</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="193"/>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="194"/>
        <source>Disputes and stations</source>
        <translation>包案化解</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="281"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="325"/>
        <source>{period} — {scope}</source>
        <translation>{period} — {scope}</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="369"/>
        <source>Export the tab</source>
        <translation>导出本页</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="399"/>
        <source>Save the report as PDF</source>
        <translation>保存统计报告 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/page.py" line="414"/>
        <source>The printer did not take the report; try again or save it as PDF.</source>
        <translation>打印机未能打印报告，请重试或先保存为 PDF。</translation>
    </message>
</context>
<context>
    <name>StatisticsPanels</name>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="64"/>
        <source>Double-click a number, or press Enter on it, to open its list</source>
        <translation>双击数字（或选中后按回车）打开明细清单</translation>
    </message>
</context>
<context>
    <name>SupervisionPanel</name>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="381"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="381"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="382"/>
        <location filename="../../desktop/statistics/panels.py" line="383"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="382"/>
        <source>Overdue cases</source>
        <translation>超期件数</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="383"/>
        <source>Complaints</source>
        <translation>被投诉件数</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="402"/>
        <source>Orders issued</source>
        <translation>发出督办单</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="404"/>
        <source>Replied on time</source>
        <translation>按期回复</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/panels.py" line="408"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
</context>
<context>
    <name>TrendPanel</name>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="62"/>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="63"/>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="64"/>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="68"/>
        <source>&amp;Group</source>
        <translation>分组(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="76"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="77"/>
        <source>Category</source>
        <translation>内容分类</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="82"/>
        <source>Per township</source>
        <translation>按乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="83"/>
        <source>Per category</source>
        <translation>按内容分类</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="97"/>
        <location filename="../../desktop/statistics/trend_chart.py" line="143"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="98"/>
        <source>Period before</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="99"/>
        <source>Change (环比)</source>
        <translation>环比</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="100"/>
        <source>Year before</source>
        <translation>上年同期</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="101"/>
        <source>Change (同比)</source>
        <translation>同比</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="102"/>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="144"/>
        <source>Items, changed over 10 % (异常)</source>
        <translation>件数（变化超过 10%，异常）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="145"/>
        <source>Items, changed over 20 % (告警)</source>
        <translation>件数（变化超过 20%，告警）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="161"/>
        <source>Period before (环比)</source>
        <translation>上期（环比）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="163"/>
        <source>Year before (同比)</source>
        <translation>上年同期（同比）</translation>
    </message>
    <message>
        <location filename="../../desktop/statistics/trend_chart.py" line="209"/>
        <source>{label}: {count} items; period before {previous} ({mom}); year before {ago} ({yoy}) {mark}</source>
        <translation>{label}：{count} 件；上期 {previous}（环比 {mom}）；上年同期 {ago}（同比 {yoy}） {mark}</translation>
    </message>
</context>
</TS>
