<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AidLedgerPage</name>
    <message>
        <location filename="../../windows/aid.py" line="197"/>
        <source>A name, or words of the household</source>
        <translation>姓名或家庭情况中的字词</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="200"/>
        <source>Any referral state</source>
        <translation>全部转介状态</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="203"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="204"/>
        <source>Update the referral…</source>
        <translation>登记转介进展…</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="210"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="210"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="215"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="216"/>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="217"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="218"/>
        <source>Household</source>
        <translation>家庭情况</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="219"/>
        <source>Asked</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="220"/>
        <source>Granted</source>
        <translation>救助金额</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="221"/>
        <source>Referred to</source>
        <translation>转介单位</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="222"/>
        <source>Referral</source>
        <translation>转介状态</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="255"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="275"/>
        <source>{count} requests for aid</source>
        <translation>共 {count} 条救助记录</translation>
    </message>
</context>
<context>
    <name>AidPanel</name>
    <message>
        <location filename="../../windows/aid.py" line="40"/>
        <source>Hardship aid</source>
        <translation>帮扶救助</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="44"/>
        <source>Why in hardship: illness, income, who is in the family</source>
        <translation>困难原因：疾病、收入、家庭成员状况</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="48"/>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="50"/>
        <location filename="../../windows/aid.py" line="52"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="54"/>
        <source>What the department is to look at</source>
        <translation>请转介部门核查的事项</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="57"/>
        <source>asked</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="59"/>
        <source>granted</source>
        <translation>给予</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="68"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="69"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="70"/>
        <source>Asked</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="71"/>
        <source>Granted</source>
        <translation>救助金额</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="72"/>
        <source>Referral</source>
        <translation>转介状态</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="82"/>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="83"/>
        <source>&amp;Household</source>
        <translation>家庭情况(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="84"/>
        <source>Household si&amp;ze</source>
        <translation>家庭人口(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="85"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="86"/>
        <source>Referral &amp;note</source>
        <translation>转介说明(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="102"/>
        <source>(choose a kind)</source>
        <translation>（请选择救助类别）</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="116"/>
        <source>No earlier aid.</source>
        <translation>此前未获救助。</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="121"/>
        <source>Aided {count} times in the last year, {amount} granted; all aid below.</source>
        <translation>近一年已救助 {count} 次，共 {amount}；历次救助见下表。</translation>
    </message>
</context>
<context>
    <name>AidWorkstation</name>
    <message>
        <location filename="../../windows/aid.py" line="300"/>
        <source>Aid ledger</source>
        <translation>救助台账</translation>
    </message>
</context>
<context>
    <name>BulletinEditor</name>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="73"/>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="77"/>
        <source> (month)</source>
        <translation> 月</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="78"/>
        <source>Take the month&apos;s opinions</source>
        <translation>提取本月意见</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="86"/>
        <source>Choose a month and take its opinions.</source>
        <translation>请选择月份并提取该月的社情民意。</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="89"/>
        <source>In</source>
        <translation>编入</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="89"/>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="89"/>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="102"/>
        <source>The chosen entry&apos;s wording, as printed</source>
        <translation>所选条目的文字（按此印发）</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="104"/>
        <source>&amp;Wording</source>
        <translation>条目文字(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="106"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="108"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="110"/>
        <source>Produce the bulletin…</source>
        <translation>编印动态…</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="131"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="131"/>
        <source>Issue</source>
        <translation>期号</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="131"/>
        <source>Entries</source>
        <translation>条数</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="131"/>
        <source>Produced</source>
        <translation>编印时间</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="138"/>
        <source>Save a copy of the chosen issue…</source>
        <translation>另存所选一期…</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="143"/>
        <source>Issues produced</source>
        <translation>已编印各期</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="201"/>
        <source>{year}-{month:02d}: issue {number}. {total} opinions this month, {forwarded} forwarded; {chosen} chosen under {topics} topics.</source>
        <translation>{year}年{month}月，第 {number} 期：本月共收集意见 {total} 条，已转交 {forwarded} 条；已选编 {chosen} 条，分 {topics} 个方面。</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="275"/>
        <source>Save the bulletin</source>
        <translation>保存《群众工作动态》</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="277"/>
        <location filename="../../windows/bulletin_editor.py" line="348"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="295"/>
        <source>Producing the bulletin…</source>
        <translation>正在编印……</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="306"/>
        <source>Issue {number} produced and saved as {path}.</source>
        <translation>第 {number} 期已编印，保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="327"/>
        <source>No. {number}</source>
        <translation>第 {number} 期</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="346"/>
        <source>Save a copy of the bulletin</source>
        <translation>另存《群众工作动态》</translation>
    </message>
    <message>
        <location filename="../../windows/bulletin_editor.py" line="365"/>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>CaseOrders</name>
    <message>
        <location filename="../../windows/supervision_orders.py" line="131"/>
        <source>Order</source>
        <translation>督办单</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="132"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="133"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="134"/>
        <source>Reply due</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="135"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="136"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="142"/>
        <source>&amp;Issue a supervision order…</source>
        <translation>发督办单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="144"/>
        <source>Record the unit&apos;s &amp;reply…</source>
        <translation>登记单位回复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="146"/>
        <source>&amp;Escalate…</source>
        <translation>升级督办(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="152"/>
        <source>Supervision orders on this case</source>
        <translation>该事项的督办单</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="205"/>
        <source>{action}: done.</source>
        <translation>{action}：已完成。</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="240"/>
        <source>Supervision order on {case}</source>
        <translation>督办信访事项{case}</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="242"/>
        <location filename="../../windows/supervision_orders.py" line="289"/>
        <source>&amp;Reason</source>
        <translation>督办事由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="263"/>
        <source>Reply of {unit} to {order}</source>
        <translation>{unit}对督办单{order}的回复</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="267"/>
        <source>&amp;Reply</source>
        <translation>回复内容(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="287"/>
        <source>Escalate {order}</source>
        <translation>升级督办单{order}</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="290"/>
        <source>No reply by {day}</source>
        <translation>逾期未回复（期限 {day}）</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="303"/>
        <source> (reply overdue)</source>
        <translation>（逾期未回复）</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="305"/>
        <source> (late)</source>
        <translation>（逾期）</translation>
    </message>
</context>
<context>
    <name>ComplaintPanel</name>
    <message>
        <location filename="../../windows/supervision.py" line="32"/>
        <source>Complaint about an official or a unit (confidential)</source>
        <translation>反映干部或单位的问题（保密）</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="35"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="40"/>
        <source>The official concerned: name or post</source>
        <translation>被反映人员的姓名或职务</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="41"/>
        <source>What the official or the unit did or failed to do</source>
        <translation>被反映人员或单位的具体问题</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="43"/>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="44"/>
        <source>&amp;Unit concerned</source>
        <translation>被反映单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="45"/>
        <source>&amp;Person concerned</source>
        <translation>被反映人员(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="46"/>
        <source>&amp;Complaint</source>
        <translation>反映内容(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="58"/>
        <source>(none named)</source>
        <translation>（未指明）</translation>
    </message>
</context>
<context>
    <name>ConfidentialViewsPage</name>
    <message>
        <location filename="../../windows/confidential_views.py" line="31"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="47"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="48"/>
        <source>Who</source>
        <translation>查阅人</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="49"/>
        <source>Record</source>
        <translation>查阅对象</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="50"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="51"/>
        <source>Where</source>
        <translation>查阅位置</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="53"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="54"/>
        <source>Shown</source>
        <translation>已显示</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="54"/>
        <source>Withheld</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="62"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="62"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../windows/confidential_views.py" line="87"/>
        <source>{count} openings of confidential records.</source>
        <translation>共 {count} 次查阅保密件。</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <location filename="../../windows/counter_view.py" line="87"/>
        <source>Seat {seat}</source>
        <translation>{seat} 号座位</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="103"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="104"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="106"/>
        <location filename="../../windows/counter_view.py" line="160"/>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="109"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="110"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="117"/>
        <source>Double-click or press Enter on a visitor to call them out of turn</source>
        <translation>双击或按回车可不按顺序呼叫所选来访人</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="124"/>
        <source>At the counter</source>
        <translation>当前来访人</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="131"/>
        <location filename="../../windows/counter_view.py" line="219"/>
        <source>Free: press F1 to call the next visitor.</source>
        <translation>空闲：按 F1 呼叫下一位。</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="156"/>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="157"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="158"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="159"/>
        <location filename="../../windows/counter_view.py" line="172"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="161"/>
        <source>Queued</source>
        <translation>排队</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="162"/>
        <source>Summary</source>
        <translation>事由摘要</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="163"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="164"/>
        <source>Open cases</source>
        <translation>在办事项</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="167"/>
        <location filename="../../windows/counter_view.py" line="267"/>
        <source>Earlier visits</source>
        <translation>历次来访</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="170"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="171"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="173"/>
        <source>What it came to</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="174"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="194"/>
        <source>What was done; saved with the outcome when you finish (F5)</source>
        <translation>办理情况，办结（F5）时随结果一并保存</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="196"/>
        <source>&amp;Notes</source>
        <translation>办理记录(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="225"/>
        <source>recalled {count}×</source>
        <translation>已重呼 {count} 次</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="229"/>
        <source>{time}, waited {minutes} min</source>
        <translation>{time} 取号，等候 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="265"/>
        <source>(not registered)</source>
        <translation>（未登记来访人）</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="273"/>
        <source>by proxy {proxy}</source>
        <translation>代理人 {proxy}</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="279"/>
        <source>{count} people</source>
        <translation>{count} 人</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="283"/>
        <source>representatives: {names}</source>
        <translation>代表：{names}</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="289"/>
        <source>litigation-related</source>
        <translation>涉法涉诉</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="290"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="291"/>
        <source>confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="227"/>
        <location filename="../../windows/counter_view.py" line="297"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="299"/>
        <source>Earlier visits: {count}</source>
        <translation>历次来访：{count} 次</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="308"/>
        <source>unrated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="318"/>
        <source>Follow-ups ({count} due)</source>
        <translation>回访（{count} 件到期）</translation>
    </message>
    <message>
        <location filename="../../windows/counter_view.py" line="320"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
</context>
<context>
    <name>DeadlineNotice</name>
    <message>
        <location filename="../../windows/deadline_notices.py" line="28"/>
        <source>{number}, {deadline}: {text}</source>
        <translation>{number}，{deadline}：{text}</translation>
    </message>
    <message>
        <location filename="../../windows/deadline_notices.py" line="45"/>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>EvaluatorWindow</name>
    <message>
        <location filename="../../windows/evaluator.py" line="48"/>
        <source>Please rate our service</source>
        <translation>请您对本次服务作出评价</translation>
    </message>
    <message>
        <location filename="../../windows/evaluator.py" line="116"/>
        <source>Welcome. We are glad to serve you.</source>
        <translation>欢迎您！我们竭诚为您服务。</translation>
    </message>
    <message>
        <location filename="../../windows/evaluator.py" line="119"/>
        <source>Number {number}: how satisfied are you with our service?</source>
        <translation>{number} 号，请您对本次服务作出评价</translation>
    </message>
    <message>
        <location filename="../../windows/evaluator.py" line="139"/>
        <source>Sorry, the rating could not be saved.</source>
        <translation>抱歉，评价未能保存。</translation>
    </message>
    <message>
        <location filename="../../windows/evaluator.py" line="149"/>
        <source>Thank you for your rating: {score}.</source>
        <translation>感谢您的评价：{score}。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../windows/followups.py" line="42"/>
        <source>Follow-up of {visitor}</source>
        <translation>回访 {visitor}</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="49"/>
        <source>What the visitor said; how the matter stands</source>
        <translation>来访人的反馈，事项的进展</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="50"/>
        <source>Follow up again on</source>
        <translation>再次回访日期</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="60"/>
        <source>Save the result</source>
        <translation>保存回访结果</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="60"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="68"/>
        <source>About</source>
        <translation>回访事项</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="69"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="70"/>
        <source>&amp;How</source>
        <translation>回访方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="71"/>
        <source>&amp;Result</source>
        <translation>回访结果(&amp;R)</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../windows/followups.py" line="108"/>
        <source>Due</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="110"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="111"/>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="114"/>
        <source>Visit</source>
        <translation>来访编号</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="115"/>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="116"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="117"/>
        <source>What to find out</source>
        <translation>回访事项</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="122"/>
        <source>Record the result…</source>
        <translation>登记回访结果…</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="156"/>
        <source>{count} follow-ups due today or overdue.</source>
        <translation>今天到期及逾期的回访共 {count} 件。</translation>
    </message>
    <message>
        <location filename="../../windows/followups.py" line="158"/>
        <source>No follow-up is due.</source>
        <translation>没有到期的回访。</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="39"/>
        <source>Hand {number} to the court</source>
        <translation>将 {number} 号移交巡回法庭</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="42"/>
        <source>The other side: a person or a company</source>
        <translation>对方当事人：个人或单位</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="45"/>
        <source>What the visitor asks the court for, briefly</source>
        <translation>来访人的诉讼请求（简要）</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="52"/>
        <source>The visit is finished as handed to the court; the court&apos;s inbox receives it with its hand-over slip.</source>
        <translation>本次来访将以“移交便民巡回法庭”办结，法庭收件箱随即收到移交单。</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="61"/>
        <source>Leave the rating up to let the visitor rate it on the evaluator.</source>
        <translation>来访人当面没有评价的，可不选，由来访人在评价器上自评。</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="65"/>
        <source>Hand to the court</source>
        <translation>移交法庭</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="68"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="77"/>
        <source>&amp;Party</source>
        <translation>当事人(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="79"/>
        <source>&amp;Other party</source>
        <translation>对方当事人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="81"/>
        <source>&amp;Claim</source>
        <translation>诉求简要(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../windows/handoff_dialog.py" line="82"/>
        <source>Visitor&apos;s rating</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>LegalPanel</name>
    <message>
        <location filename="../../windows/legal.py" line="27"/>
        <source>Legal service</source>
        <translation>法律服务</translation>
    </message>
    <message>
        <location filename="../../windows/legal.py" line="28"/>
        <source>What the visitor asks, in legal terms</source>
        <translation>来访人咨询的法律问题</translation>
    </message>
    <message>
        <location filename="../../windows/legal.py" line="29"/>
        <source>The laws and rules explained, the way to go</source>
        <translation>释法说理的内容、建议的解决途径</translation>
    </message>
    <message>
        <location filename="../../windows/legal.py" line="36"/>
        <source>None, or the legal-aid office referred to</source>
        <translation>不转介，或选择转介的法律援助机构</translation>
    </message>
    <message>
        <location filename="../../windows/legal.py" line="37"/>
        <source>A lawsuit is the right &amp;channel</source>
        <translation>宜通过诉讼途径解决(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../windows/legal.py" line="39"/>
        <source>&amp;Question</source>
        <translation>法律问题(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../windows/legal.py" line="40"/>
        <source>&amp;Law explained</source>
        <translation>释法说理(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../windows/legal.py" line="41"/>
        <source>Legal &amp;aid</source>
        <translation>法律援助(&amp;A)</translation>
    </message>
</context>
<context>
    <name>OpinionLedgerPage</name>
    <message>
        <location filename="../../windows/opinion.py" line="106"/>
        <source>Words of the opinion, a place, a name</source>
        <translation>意见内容、地点或反映人</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="110"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="133"/>
        <location filename="../../windows/opinion.py" line="145"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="133"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="140"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="141"/>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="142"/>
        <source>Opinion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="143"/>
        <source>Concerns</source>
        <translation>涉及地点</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="144"/>
        <source>Forwarded to</source>
        <translation>转交部门</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="165"/>
        <source>All topics</source>
        <translation>全部议题</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="167"/>
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="169"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="200"/>
        <source>{count} opinions</source>
        <translation>共 {count} 条意见</translation>
    </message>
</context>
<context>
    <name>OpinionPanel</name>
    <message>
        <location filename="../../windows/opinion.py" line="38"/>
        <source>Opinion or suggestion</source>
        <translation>社情民意</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="40"/>
        <source>The opinion or suggestion, in the visitor&apos;s words</source>
        <translation>群众反映的意见或建议</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="47"/>
        <source>The spot: a road, a building, a crossing</source>
        <translation>具体地点：道路、楼栋、路口</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="56"/>
        <source>&amp;Opinion</source>
        <translation>意见建议(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="57"/>
        <source>&amp;Topic</source>
        <translation>议题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="58"/>
        <source>Concerns (&amp;where)</source>
        <translation>涉及地区(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="59"/>
        <source>&amp;Spot</source>
        <translation>具体地点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="84"/>
        <source>(choose a topic)</source>
        <translation>（请选择议题）</translation>
    </message>
</context>
<context>
    <name>OpinionWorkstation</name>
    <message>
        <location filename="../../windows/opinion.py" line="216"/>
        <source>Opinion ledger</source>
        <translation>社情民意台账</translation>
    </message>
    <message>
        <location filename="../../windows/opinion.py" line="217"/>
        <source>Bulletin</source>
        <translation>群众工作动态</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../windows/supervision_orders.py" line="61"/>
        <source>(the case&apos;s unit)</source>
        <translation>（该事项的承办单位）</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="66"/>
        <source> days to reply</source>
        <translation> 日内回复</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="75"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="78"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="84"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="86"/>
        <source>&amp;Reply within</source>
        <translation>回复期限(&amp;R)</translation>
    </message>
</context>
<context>
    <name>OutOfTurnDialog</name>
    <message>
        <location filename="../../windows/queue_reorder.py" line="35"/>
        <source>Call out of turn</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location filename="../../windows/queue_reorder.py" line="40"/>
        <source>Call {number} {name} before the visitors waiting ahead; they keep their places.</source>
        <translation>在前面等候的来访人之前叫 {number} {name}；其他人的排队位置不变。</translation>
    </message>
    <message>
        <location filename="../../windows/queue_reorder.py" line="48"/>
        <source>e.g. elderly, unwell, called back by the leader</source>
        <translation>例如：年老体弱、身体不适、领导约见</translation>
    </message>
    <message>
        <location filename="../../windows/queue_reorder.py" line="50"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/queue_reorder.py" line="56"/>
        <source>Call</source>
        <translation>叫号</translation>
    </message>
</context>
<context>
    <name>OutcomeBox</name>
    <message>
        <location filename="../../windows/outcome_form.py" line="134"/>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_form.py" line="147"/>
        <source>What the unit is asked to do</source>
        <translation>请该单位办理的事项</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_form.py" line="148"/>
        <location filename="../../windows/outcome_form.py" line="188"/>
        <source>(choose a unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_form.py" line="150"/>
        <source>Follow &amp;up on</source>
        <translation>回访日期(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_form.py" line="155"/>
        <source>What the follow-up finds out</source>
        <translation>回访要了解的情况</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_form.py" line="176"/>
        <source>&amp;Outcome</source>
        <translation>办理结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_form.py" line="177"/>
        <source>Forwarded &amp;to</source>
        <translation>转交单位(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_form.py" line="178"/>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_form.py" line="179"/>
        <source>Visitor&apos;s rating</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>PublicityPanel</name>
    <message>
        <location filename="../../windows/publicity.py" line="30"/>
        <source>Policy explained</source>
        <translation>政策宣讲</translation>
    </message>
    <message>
        <location filename="../../windows/publicity.py" line="39"/>
        <source>Space ticks the topic under the cursor</source>
        <translation>按空格键勾选当前主题</translation>
    </message>
    <message>
        <location filename="../../windows/publicity.py" line="41"/>
        <source>Leaflets, booklets handed out</source>
        <translation>发放的明白纸、宣传册等</translation>
    </message>
    <message>
        <location filename="../../windows/publicity.py" line="44"/>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../windows/publicity.py" line="46"/>
        <source>&amp;Policies</source>
        <translation>宣讲政策(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../windows/publicity.py" line="47"/>
        <source>&amp;Material</source>
        <translation>发放材料(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../windows/publicity.py" line="48"/>
        <source>People &amp;reached</source>
        <translation>覆盖人数(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RatingRow</name>
    <message>
        <location filename="../../windows/outcome_form.py" line="106"/>
        <source>What the visitor said; leave all up to let them rate it</source>
        <translation>来访人口头的评价；都不选则由来访人在评价器上自评</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../windows/outcome_records.py" line="42"/>
        <source>{number} at {window}, {time}</source>
        <translation>{window} {number} 号，{time}</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="52"/>
        <source>An accusation: its content is kept from you, and this opening is logged.</source>
        <translation>检举控告件：内容对您保密，本次查看已记录。</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="62"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../windows/outcome_records.py" line="78"/>
        <source>Name, visit code, words of the summary or the notes</source>
        <translation>姓名、来访编号、摘要或办理记录中的字词</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="81"/>
        <source>All outcomes</source>
        <translation>全部办理结果</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="84"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="90"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="90"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="96"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="97"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="98"/>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="99"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="100"/>
        <source>Summary</source>
        <translation>事由摘要</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="101"/>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="102"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="103"/>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="104"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="104"/>
        <source>unrated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="108"/>
        <source>Double-click or press Enter to open a record</source>
        <translation>双击或按回车键查看记录</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="138"/>
        <source>{count} records</source>
        <translation>共 {count} 条记录</translation>
    </message>
    <message>
        <location filename="../../windows/outcome_records.py" line="142"/>
        <source>at least {count} records (at most {high})</source>
        <translation>至少 {count} 条记录（至多 {high} 条）</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../windows/aid.py" line="153"/>
        <source>Referral of {visitor}: {kind}</source>
        <translation>{visitor}的{kind}转介</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="161"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="162"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="162"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="165"/>
        <source>Referred to</source>
        <translation>转介单位</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="166"/>
        <source>&amp;Stands</source>
        <translation>转介状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="167"/>
        <source>&amp;Note</source>
        <translation>说明(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/aid.py" line="168"/>
        <source>&amp;Granted</source>
        <translation>救助金额(&amp;G)</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <location filename="../../windows/supervision_orders.py" line="317"/>
        <source>Case</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="318"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="319"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="320"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="322"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="324"/>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="328"/>
        <source>Why supervise</source>
        <translation>督办事由</translation>
    </message>
    <message>
        <location filename="../../windows/supervision_orders.py" line="366"/>
        <source>{count} cases are overdue or stalled and need supervision.</source>
        <translation>共有 {count} 件信访事项逾期或办理停滞，需要督办。</translation>
    </message>
</context>
<context>
    <name>SupervisionWorkstation</name>
    <message>
        <location filename="../../windows/supervision.py" line="74"/>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../windows/supervision.py" line="77"/>
        <source>Confidential views</source>
        <translation>保密件查阅记录</translation>
    </message>
</context>
<context>
    <name>TalkPanel</name>
    <message>
        <location filename="../../windows/talk.py" line="24"/>
        <source>Heart-to-heart talk</source>
        <translation>交流谈心</translation>
    </message>
    <message>
        <location filename="../../windows/talk.py" line="36"/>
        <source>(not noted)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <location filename="../../windows/talk.py" line="39"/>
        <source>What was agreed with the visitor, and by whom</source>
        <translation>与来访人商定的事项及责任人</translation>
    </message>
    <message>
        <location filename="../../windows/talk.py" line="49"/>
        <source>&amp;Received by</source>
        <translation>接待人(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/talk.py" line="50"/>
        <source>&amp;Mood: start → end</source>
        <translation>情绪 前→后(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../windows/talk.py" line="51"/>
        <source>&amp;Agreed</source>
        <translation>商定事项(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../windows/talk.py" line="52"/>
        <source>Leader&apos;s &amp;instruction (批示)…</source>
        <translation>领导批示交办(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../windows/talk.py" line="54"/>
        <source>The leader assigns the matter to a unit with a deadline (交办)</source>
        <translation>领导批示后交责任单位限期办理（交办）</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../windows/transfer.py" line="33"/>
        <source>Transfer {number}</source>
        <translation>转窗口：{number}</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="39"/>
        <source>{letter} {name} ({waiting} waiting)</source>
        <translation>{letter} {name}（等候 {waiting} 人）</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="45"/>
        <source>Why the visitor goes there</source>
        <translation>转到该窗口的原因</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="52"/>
        <source>Transfer</source>
        <translation>转窗口</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="55"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="63"/>
        <source>To &amp;window</source>
        <translation>转到窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="64"/>
        <source>&amp;Reason</source>
        <translation>督办事由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="73"/>
        <source>There is no other window to transfer to.</source>
        <translation>没有其他可转的窗口。</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="78"/>
        <source>Please say why the visitor is transferred; the next window reads it.</source>
        <translation>请填写转窗口的原因，接办窗口会看到。</translation>
    </message>
</context>
<context>
    <name>WindowWorkstation</name>
    <message>
        <location filename="../../windows/base.py" line="150"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="151"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="152"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="153"/>
        <source>Start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="154"/>
        <location filename="../../windows/base.py" line="400"/>
        <location filename="../../windows/base.py" line="405"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="155"/>
        <source>Transfer</source>
        <translation>转窗口</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="156"/>
        <location filename="../../windows/base.py" line="445"/>
        <location filename="../../windows/base.py" line="450"/>
        <source>Hand to court</source>
        <translation>移交法庭</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="157"/>
        <source>Evaluator screen</source>
        <translation>评价器</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="158"/>
        <location filename="../../windows/base.py" line="545"/>
        <source>Cancel ticket</source>
        <translation>取消此号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="160"/>
        <source>Call out of turn…</source>
        <translation>指定叫号…</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="163"/>
        <source>Requeue no-show</source>
        <translation>过号重排</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="204"/>
        <source>Waiting: {count}</source>
        <translation>等候 {count} 人</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="241"/>
        <source>How it went on: {summary}</source>
        <translation>了解办理进展：{summary}</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="402"/>
        <source>Nothing has been recorded for {number} yet. Finishing ends the service and cannot be undone: finish anyway?</source>
        <translation>{number} 还没有记录任何办理情况。办结后本次接待即结束，不能撤销：仍要办结吗？</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="547"/>
        <source>Cancel ticket {number}? What is typed in the notes is kept as the reason; a cancelled ticket cannot be called again.</source>
        <translation>取消 {number} 号？备注中填写的内容将作为取消原因保存；取消后此号不能再叫。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="102"/>
        <source>Counter</source>
        <translation>接待</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="103"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="104"/>
        <source>Records</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="295"/>
        <source>No visitor is at the counter.</source>
        <translation>当前没有来访人。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="303"/>
        <source>Calling {number} {name}.</source>
        <translation>正在呼叫 {number} {name}。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="306"/>
        <source>No one is waiting at this window.</source>
        <translation>本窗口没有等候的来访人。</translation>
    </message>
    <message>
        <location filename="../../windows/queue_reorder.py" line="72"/>
        <source>{number} is still at the counter: finish with them first.</source>
        <translation>{number} 还在办理中：请先办完再叫下一位。</translation>
    </message>
    <message>
        <location filename="../../windows/queue_reorder.py" line="81"/>
        <source>Pick a waiting visitor in the list first, then call them out of turn.</source>
        <translation>请先在等候名单中选中一位来访人，再指定叫号。</translation>
    </message>
    <message>
        <location filename="../../windows/queue_reorder.py" line="107"/>
        <source>Calling {number} {name} out of turn.</source>
        <translation>正在呼叫 {number} {name}（不按顺序）。</translation>
    </message>
    <message>
        <location filename="../../windows/queue_reorder.py" line="121"/>
        <source>{number} is back in the queue, behind the next visitors.</source>
        <translation>{number} 已重新排队，排在后面几位之后。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="314"/>
        <source>{number} did not come after the last recall: marked no-show.</source>
        <translation>{number} 重呼后仍未到，已标记为过号。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="316"/>
        <source>Called {number} again ({count}×).</source>
        <translation>已再次呼叫 {number}（第 {count} 次重呼）。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="331"/>
        <source>{number} marked no-show.</source>
        <translation>{number} 已标记为过号。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="337"/>
        <source>Serving {number}.</source>
        <translation>开始办理 {number}。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="424"/>
        <source>This ticket has no registered visit: register it at the front desk.</source>
        <translation>这张号没有来访登记，请先到导访台登记。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="447"/>
        <source>Hand {number} to the court? The visit is finished here and the slip goes to the court&apos;s clerk; this cannot be undone.</source>
        <translation>将 {number} 号移交法庭？本次接待就此办结，移交单送交法庭书记员，不能撤销。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="476"/>
        <source>{number} finished; the notes are saved.</source>
        <translation>{number} 已办结，办理记录已保存。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="493"/>
        <source> Registered as case {number} for the letters window.</source>
        <translation>已登记为信访事项{number}，转办信办案窗口。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="497"/>
        <source> Handed to the court as {number}.</source>
        <translation>已移交巡回法庭（{number}）。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="501"/>
        <source> Forwarded to {unit}.</source>
        <translation>已转交{unit}办理。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="528"/>
        <source>{number} transferred to {window} as {new_number}.</source>
        <translation>{number} 已转到{window}窗口，新号码 {new_number}。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="550"/>
        <source>Cancel the ticket</source>
        <translation>取消此号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="560"/>
        <source>{number} cancelled.</source>
        <translation>{number} 已取消。</translation>
    </message>
</context>
</TS>
