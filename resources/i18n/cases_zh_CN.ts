<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="61"/>
        <source>Actions</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="69"/>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="70"/>
        <source>&amp;Not accept…</source>
        <translation>不予受理(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="71"/>
        <source>&amp;Forward…</source>
        <translation>转送(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="74"/>
        <source>Assi&amp;gn to a unit…</source>
        <translation>交办(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="80"/>
        <source>To the &amp;court…</source>
        <translation>诉访分离(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="86"/>
        <source>&amp;Hand to the court again…</source>
        <translation>再次移交法庭(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="90"/>
        <source>E&amp;xtend once…</source>
        <translation>延期(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="93"/>
        <source>Closing re&amp;port…</source>
        <translation>办结报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="97"/>
        <source>&amp;Reply…</source>
        <translation>出具处理意见(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="98"/>
        <source>C&amp;lose</source>
        <translation>办结(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="101"/>
        <source>Re&amp;view requested</source>
        <translation>请求复查(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="107"/>
        <source>Review &amp;decision…</source>
        <translation>复查意见(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="113"/>
        <source>Re-rev&amp;iew requested</source>
        <translation>请求复核(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="119"/>
        <source>Re-review decision (&amp;final)…</source>
        <translation>复核意见（终结）(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="125"/>
        <source>Carried &amp;out…</source>
        <translation>登记落实(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="159"/>
        <source>{action}: done.</source>
        <translation>{action}：已完成。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="186"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="189"/>
        <source>Accept case {number}? Its time limit starts to run, and the acceptance cannot be undone.</source>
        <translation>受理信访事项 {number}？受理后办理期限开始计算，不能撤销。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="199"/>
        <source>Not accept…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="201"/>
        <source>Legal channel to use</source>
        <translation>应当通过的法定途径</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="202"/>
        <location filename="../../windows/letters/case_actions.py" line="319"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="207"/>
        <source>Not accept case {number}? The visitor is told to use the legal channel you name next; this cannot be undone.</source>
        <translation>不予受理信访事项 {number}？将告知信访人通过您接下来填写的法定途径解决，不能撤销。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="217"/>
        <source>Forward…</source>
        <translation>转送…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="219"/>
        <source>Competent organ</source>
        <translation>有权处理的机关</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="220"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="231"/>
        <source>Assign to a unit…</source>
        <translation>交办…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="233"/>
        <source>Responsible unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="236"/>
        <source>Closing report due</source>
        <translation>报送办结报告期限</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="240"/>
        <source>Instructions</source>
        <translation>交办要求</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="267"/>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="269"/>
        <source>Other party (a person or a company)</source>
        <translation>对方当事人（个人或单位）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="271"/>
        <source>Claim, briefly</source>
        <translation>诉求简要</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="287"/>
        <source>To the court…</source>
        <translation>诉访分离并移交法庭…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="289"/>
        <source>Why it belongs in litigation</source>
        <translation>属于诉讼途径的理由</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="293"/>
        <source>Litigation-related matters are not accepted as petitions: the case is closed as separated and handed to the circuit court&apos;s inbox with this slip.</source>
        <translation>涉法涉诉事项不作为信访事项受理：本事项按诉访分离办结，并随此移交单移交便民巡回法庭收件箱。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="306"/>
        <source>Hand to the court again…</source>
        <translation>再次移交法庭…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="314"/>
        <source>Extend once…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="317"/>
        <source>Days (at most 30)</source>
        <translation>延长天数（最多 30 日）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="329"/>
        <source>Closing report…</source>
        <translation>办结报告…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="330"/>
        <source>The unit&apos;s closing report</source>
        <translation>承办单位的办结报告</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="339"/>
        <source>Reply…</source>
        <translation>出具处理意见…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="341"/>
        <location filename="../../windows/letters/case_actions.py" line="374"/>
        <location filename="../../windows/letters/case_actions.py" line="395"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="342"/>
        <location filename="../../windows/letters/case_actions.py" line="375"/>
        <location filename="../../windows/letters/case_actions.py" line="396"/>
        <source>Opinion</source>
        <translation>意见内容</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="352"/>
        <source>Close</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="355"/>
        <source>Close case {number}? It is then finished with, and closing cannot be undone.</source>
        <translation>办结信访事项 {number}？办结后即结案，不能撤销。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="364"/>
        <source>Review requested</source>
        <translation>请求复查</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="372"/>
        <source>Review decision…</source>
        <translation>复查意见…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="385"/>
        <source>Re-review requested</source>
        <translation>请求复核</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="393"/>
        <source>Re-review decision (final)…</source>
        <translation>复核意见（终结）…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="401"/>
        <source>After the re-review the same matter is not taken up again (three-level closure).</source>
        <translation>作出复核意见后，同一事项不再受理（三级终结）。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="410"/>
        <source>Carried out…</source>
        <translation>登记落实…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="411"/>
        <source>How the decision was carried out</source>
        <translation>处理意见的落实情况</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_actions.py" line="422"/>
        <source>Choose a unit first (the administrator adds responsible units).</source>
        <translation>请先选择单位（责任单位由管理员添加）。</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../windows/letters/case_dialog.py" line="18"/>
        <source>Formal case</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_dialog.py" line="29"/>
        <source>Formal case {number}</source>
        <translation>信访事项 {number}</translation>
    </message>
</context>
<context>
    <name>CaseDocuments</name>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="76"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="83"/>
        <source>&amp;Issue</source>
        <translation>出具(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="91"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="93"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="96"/>
        <source>Reprint…</source>
        <translation>重新打印…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="113"/>
        <source>{document} issued.</source>
        <translation>已出具{document}。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="146"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="151"/>
        <source>Save document as PDF</source>
        <translation>文书另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="175"/>
        <source>{document} sent to the printer.</source>
        <translation>{document}已送打印机。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_documents.py" line="181"/>
        <source>The printer did not take the document; it is kept and can be reprinted.</source>
        <translation>打印机未能打印该文书；文书已保存，可以重新打印。</translation>
    </message>
</context>
<context>
    <name>CaseViewPage</name>
    <message>
        <location filename="../../windows/letters/case_view.py" line="74"/>
        <source>Choose a case in the list (Enter opens it).</source>
        <translation>请在左侧列表中选择信访事项（按回车键打开）。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="92"/>
        <source>The matter</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="96"/>
        <source>Petitioner</source>
        <translation>信访人</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="97"/>
        <source>Phone and address</source>
        <translation>电话和住址</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="98"/>
        <source>Purpose</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="99"/>
        <source>Summary</source>
        <translation>主要内容</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="100"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="101"/>
        <source>Accused</source>
        <translation>被检举控告</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="102"/>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="103"/>
        <source>Responsible unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="104"/>
        <source>Leader in charge</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="105"/>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="106"/>
        <source>Review / re-review</source>
        <translation>复查 / 复核</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="107"/>
        <source>Court</source>
        <translation>法庭移交</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="115"/>
        <source>Timeline</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="118"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="118"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="118"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="155"/>
        <source>Set</source>
        <translation>指定</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="156"/>
        <source>Name the chosen leader to lead this case (包案)</source>
        <translation>指定所选领导包案办理本事项</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="177"/>
        <source>Leader in charge: {name}.</source>
        <translation>已指定包案领导：{name}。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="179"/>
        <source>The case has no leader in charge now.</source>
        <translation>已取消本事项的包案领导。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="202"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="223"/>
        <source>Leader in charge named: {name}</source>
        <translation>指定包案领导：{name}</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="225"/>
        <source>Leader in charge removed</source>
        <translation>取消包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="228"/>
        <source> (late)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="237"/>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="238"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="239"/>
        <source>Assigned</source>
        <translation>交办</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="240"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="241"/>
        <source>Forwarded</source>
        <translation>转送</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="242"/>
        <source>Separated to the court</source>
        <translation>诉访分离，移交法庭</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="243"/>
        <source>Handed to the court</source>
        <translation>已移交法庭</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="244"/>
        <source>Returned by the court</source>
        <translation>法庭已退回</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="245"/>
        <source>Extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="246"/>
        <source>Closing report received</source>
        <translation>收到办结报告</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="247"/>
        <source>Reply issued</source>
        <translation>出具处理意见</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="248"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="249"/>
        <source>Review requested</source>
        <translation>请求复查</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="250"/>
        <source>Review decided</source>
        <translation>作出复查意见</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="251"/>
        <source>Re-review requested</source>
        <translation>请求复核</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="252"/>
        <source>Re-review decided: finally closed</source>
        <translation>作出复核意见（三级终结）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="253"/>
        <source>Decision carried out</source>
        <translation>处理意见已落实</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="254"/>
        <source>Raised again (repeat linked)</source>
        <translation>重复信访（已关联）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="255"/>
        <source>Scan added</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="256"/>
        <source>Opened (confidential)</source>
        <translation>查阅（保密件）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="257"/>
        <source>Supervision order issued</source>
        <translation>发出督办单</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="258"/>
        <source>The unit replied to the supervision order</source>
        <translation>承办单位回复督办</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="259"/>
        <source>Supervision escalated</source>
        <translation>督办升级</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="260"/>
        <source>Opening refused (confidential)</source>
        <translation>无权查阅（保密件）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="261"/>
        <source>The court converted the procedure</source>
        <translation>法庭转换审理程序</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="262"/>
        <source>The court extended the trial limit</source>
        <translation>法庭延长审理期限</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="274"/>
        <source>&#x3000;[confidential]</source>
        <translation>&#x3000;【保密】</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="279"/>
        <source>Due {date}, {days} days left</source>
        <translation>期限 {date}，还剩 {days} 天</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="283"/>
        <source>Due {date}, {days} days overdue</source>
        <translation>期限 {date}，已超期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="307"/>
        <source>; litigation-related</source>
        <translation>；涉法涉诉</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="309"/>
        <source>; urgent</source>
        <translation>；紧急</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="311"/>
        <source>; raised again {count} times</source>
        <translation>；重复信访 {count} 次</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="328"/>
        <source>; closing report due {date}</source>
        <translation>；办结报告期限 {date}</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="330"/>
        <source>, received {date}</source>
        <translation>，{date} 已报送</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="332"/>
        <source>; extended {days} days: {reason}</source>
        <translation>；延期 {days} 日：{reason}</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="336"/>
        <source>none named</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="344"/>
        <source>Review requested {date}</source>
        <translation>{date} 请求复查</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="347"/>
        <location filename="../../windows/letters/case_view.py" line="355"/>
        <source>decided {date}</source>
        <translation>{date} 作出意见</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="350"/>
        <source>re-review requested {date}</source>
        <translation>{date} 请求复核</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="382"/>
        <source>Waiting to be handed to the court</source>
        <translation>待移交法庭</translation>
    </message>
    <message>
        <location filename="../../windows/letters/case_view.py" line="384"/>
        <source>; hand it to the court again once the matter is put right</source>
        <translation>；补正后可再次移交法庭</translation>
    </message>
</context>
<context>
    <name>HolidayCalendarScreen</name>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="68"/>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="78"/>
        <source>&amp;Confirm this year is complete</source>
        <translation>确认本年日历已录入完整(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="81"/>
        <source>Enter the year&apos;s &amp;notice…</source>
        <translation>录入全年放假安排(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="91"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="91"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="91"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="91"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="91"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="104"/>
        <source>A day</source>
        <translation>设置日期</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="109"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="111"/>
        <source>e.g. National Day</source>
        <translation>如：国庆节</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="112"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="114"/>
        <source>Mark as &amp;holiday</source>
        <translation>设为放假(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="116"/>
        <source>Mark as make-up &amp;workday</source>
        <translation>设为调休上班(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="118"/>
        <source>&amp;Remove (back to Monday–Friday)</source>
        <translation>删除（恢复周一至周五上班）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="144"/>
        <source>{year}: confirmed</source>
        <translation>{year} 年：已确认</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="147"/>
        <source>{year}: not confirmed — deadlines count weekends and the holidays fixed by law</source>
        <translation>{year} 年：未确认——期限暂按周六、周日和法定节日计算</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="153"/>
        <source>provisional (by the statutory holidays)</source>
        <translation>临时（按法定假日推算）</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="227"/>
        <source>The {year} notice is entered and the year confirmed; {count} deadlines moved.</source>
        <translation>已录入 {year} 年放假安排并确认该年日历；{count} 项期限随之调整。</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="195"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>LetterCasesPage</name>
    <message>
        <location filename="../../windows/letters/cases.py" line="130"/>
        <location filename="../../windows/letters/cases.py" line="159"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="132"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="137"/>
        <source>&amp;Mine only</source>
        <translation>只看我的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="141"/>
        <source>Case number or barcode</source>
        <translation>事项编号或条码</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="158"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="160"/>
        <source>Purpose</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="161"/>
        <source>Petitioner</source>
        <translation>信访人</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="162"/>
        <source>Summary</source>
        <translation>主要内容</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="163"/>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="164"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="165"/>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="166"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../windows/letters/cases.py" line="255"/>
        <source>{alert}: {count}</source>
        <translation>{alert}：{count}</translation>
    </message>
</context>
<context>
    <name>LetterForm</name>
    <message>
        <location filename="../../windows/letters/form.py" line="81"/>
        <source>Sender and envelope</source>
        <translation>来信人和信封</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="84"/>
        <source>Sender&apos;s &amp;name</source>
        <translation>来信人姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="87"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="89"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="91"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="97"/>
        <source>Date received</source>
        <translation>收信日期</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="103"/>
        <source>legible</source>
        <translation>邮戳清晰</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="110"/>
        <source>Postmark date</source>
        <translation>邮戳日期</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="113"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="123"/>
        <source>Add &amp;scans…</source>
        <translation>添加扫描件(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="125"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="131"/>
        <source>Scans (PDF or images)</source>
        <translation>扫描件（PDF 或图片）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="134"/>
        <source>The matter</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="141"/>
        <source>Purpose</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="142"/>
        <source>S&amp;ummary</source>
        <translation>主要内容(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="143"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="144"/>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="145"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="147"/>
        <source>Litigation-related</source>
        <translation>涉法涉诉</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="148"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="154"/>
        <source>Accused unit</source>
        <translation>被检举控告单位</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="155"/>
        <source>Accused persons</source>
        <translation>被检举控告人</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="160"/>
        <source>The sender already has this kind of matter</source>
        <translation>来信人已有同类信访事项</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="167"/>
        <source>&amp;Link the letter to this case</source>
        <translation>关联到该事项(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="169"/>
        <source>I checked: this is a ne&amp;w matter</source>
        <translation>已核实：确属新事项(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="180"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="182"/>
        <source>&amp;Register letter (Ctrl+S)</source>
        <translation>登记来信(&amp;R)（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="209"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="222"/>
        <source>Choose the letter&apos;s scans</source>
        <translation>选择来信扫描件</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="224"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="242"/>
        <source>Could not read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="314"/>
        <source>Letter registered as case {number}.</source>
        <translation>来信已登记为信访事项{number}。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="323"/>
        <source>{number}&#x3000;{state}&#x3000;open until {date}</source>
        <translation>{number}&#x3000;{state}&#x3000;办理或复查期至 {date}</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="327"/>
        <source>&#x3000;(overdue)</source>
        <translation>&#x3000;（已超期）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/form.py" line="348"/>
        <source>Letter linked to case {number} as a repeat.</source>
        <translation>来信已作为重复件关联到信访事项{number}。</translation>
    </message>
</context>
<context>
    <name>LettersDesk</name>
    <message>
        <location filename="../../windows/letters/desk.py" line="27"/>
        <source>Cases</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../windows/letters/desk.py" line="28"/>
        <source>Register a letter</source>
        <translation>登记来信</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="257"/>
        <source>The {year} holiday notice</source>
        <translation>{year} 年放假安排</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="261"/>
        <source>Enter every day off and every make-up workday of the State Council&apos;s notice for {year}, then confirm: the year is complete and the deadlines it moves are recomputed at once. The holidays fixed by law are filled in to start from.</source>
        <translation>请按国务院办公厅公布的 {year} 年放假安排，逐日录入全部放假日和调休上班日，然后点“确认”：该年日历即告完整，受影响的期限随即一并重新计算。表中已先填入法定节日，可在此基础上修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="269"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="269"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="269"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="274"/>
        <source>&amp;Add a day</source>
        <translation>添加一天(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="276"/>
        <source>&amp;Remove the day</source>
        <translation>删除该行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="289"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="304"/>
        <source>Day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="305"/>
        <source>Make-up workday</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location filename="../../desktop/holiday_calendar_screen.py" line="335"/>
        <source>{day} is not in {year}: correct the date or remove the row.</source>
        <translation>{day}不在 {year} 年内，请改正日期或删除该行。</translation>
    </message>
</context>
<context>
    <name>StationRequestsPage</name>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="29"/>
        <source>Station requests</source>
        <translation>工作站报送诉求</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="45"/>
        <source>Arrived</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="46"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="47"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="48"/>
        <source>Who raised it</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="49"/>
        <source>What it is</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="61"/>
        <source>The answer the station passes on</source>
        <translation>答复内容（由工作站转告群众）</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="64"/>
        <source>Reply to the station</source>
        <translation>答复工作站</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="87"/>
        <source>Requests from the stations awaiting a reply: {count}</source>
        <translation>工作站报送待答复的群众诉求：{count} 条</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="123"/>
        <source>Choose a request in the list first.</source>
        <translation>请先在列表中选择一条诉求。</translation>
    </message>
    <message>
        <location filename="../../windows/letters/station_requests.py" line="133"/>
        <source>The reply to {station} is sent.</source>
        <translation>已答复{station}。</translation>
    </message>
</context>
<context>
    <name>SupervisionScreen</name>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="62"/>
        <location filename="../../desktop/supervision_screen.py" line="308"/>
        <source>Supervision of formal cases</source>
        <translation>信访事项督办</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="85"/>
        <source>Overdue and stalled cases</source>
        <translation>超期和停滞事项</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="86"/>
        <source>Orders awaiting a late reply</source>
        <translation>逾期未回复的督办单</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="87"/>
        <source>Units&apos; records</source>
        <translation>责任单位办理情况</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="102"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="103"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="104"/>
        <source>Responsible unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="105"/>
        <source>Officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="106"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="108"/>
        <source>Days overdue</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="112"/>
        <source>Why</source>
        <translation>督办原因</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="139"/>
        <source>Order</source>
        <translation>督办单</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="141"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="142"/>
        <location filename="../../desktop/supervision_screen.py" line="161"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="144"/>
        <source>Reply due</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="140"/>
        <source>Case</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="143"/>
        <source>Issued</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="145"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="162"/>
        <source>Assigned</source>
        <translation>交办</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="163"/>
        <source>Forwarded</source>
        <translation>转送</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="164"/>
        <source>Reported</source>
        <translation>已报办结</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="165"/>
        <source>On-time rate</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="166"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="167"/>
        <source>Orders received</source>
        <translation>收到督办单</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="168"/>
        <source>Orders open</source>
        <translation>待回复督办单</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="223"/>
        <source>{alert}: {count}</source>
        <translation>{alert}：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="228"/>
        <source>Needing supervision: {count}</source>
        <translation>需督办：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="306"/>
        <source>&amp;Cases</source>
        <translation>信访事项(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="309"/>
        <source>&amp;Supervision of cases…</source>
        <translation>信访事项督办(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="314"/>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <location filename="../../desktop/supervision_screen.py" line="315"/>
        <source>&amp;Holiday calendar…</source>
        <translation>节假日日历(&amp;H)…</translation>
    </message>
</context>
</TS>
