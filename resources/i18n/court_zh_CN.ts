<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseFileView</name>
    <message>
        <location filename="../../windows/court/file_view.py" line="76"/>
        <location filename="../../windows/court/file_view.py" line="253"/>
        <source>Pick a file from the list, or scan its slip.</source>
        <translation>请从左侧列表选择案件，或扫描移交单条码。</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="112"/>
        <source>The file</source>
        <translation>案件概况</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="114"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="115"/>
        <source>Hand-over slip</source>
        <translation>移交单</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="116"/>
        <source>Received</source>
        <translation>收案</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="117"/>
        <source>Case type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="118"/>
        <source>Track</source>
        <translation>审理程序</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="119"/>
        <source>Registered</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="120"/>
        <source>Trial limit</source>
        <translation>审限届满</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="121"/>
        <source>Fees</source>
        <translation>诉讼费用</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="131"/>
        <source>Parties and claims</source>
        <translation>当事人与诉讼请求</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="133"/>
        <source>Plaintiff</source>
        <translation>原告</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="134"/>
        <source>Defendant</source>
        <translation>被告</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="135"/>
        <source>Claims</source>
        <translation>诉讼请求</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="136"/>
        <source>Facts and reasons</source>
        <translation>事实与理由</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="137"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="138"/>
        <source>Witnesses</source>
        <translation>证人</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="141"/>
        <source>Mediation</source>
        <translation>调解情况</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="144"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="145"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="146"/>
        <source>Mediator</source>
        <translation>调解人</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="147"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="148"/>
        <location filename="../../windows/court/file_view.py" line="154"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="152"/>
        <source>Hearings</source>
        <translation>开庭排期</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="154"/>
        <location filename="../../windows/court/file_view.py" line="179"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="154"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="154"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="158"/>
        <location filename="../../windows/court/file_view.py" line="160"/>
        <source>Outcome</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="161"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="162"/>
        <source>Agreement</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="163"/>
        <source>Judicial confirmation</source>
        <translation>司法确认</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="164"/>
        <source>Enforcement</source>
        <translation>执行情况</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="167"/>
        <source>Changes of the trial limit</source>
        <translation>审理期限变更</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="170"/>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="171"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="172"/>
        <source>Limit before → after</source>
        <translation>审限（变更前 → 变更后）</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="173"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="174"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="178"/>
        <source>Timeline</source>
        <translation>审理流程</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="179"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="179"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="215"/>
        <source>{age} years</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="220"/>
        <location filename="../../windows/court/file_view.py" line="233"/>
        <source>employer: {employer}</source>
        <translation>工作单位：{employer}</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="256"/>
        <source>at {stage}</source>
        <translation>{stage}阶段</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="259"/>
        <source>not yet registered</source>
        <translation>尚未立案</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="261"/>
        <source>{number} ({barcode}), from {window}, handed by {officer} at {time}</source>
        <translation>{number}（条码 {barcode}），{window}窗口 {officer} 于 {time} 移交</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="270"/>
        <source>{time}, visit {visit}</source>
        <translation>{time}，来访登记号 {visit}</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="285"/>
        <source>{days} days left</source>
        <translation>剩 {days} 天</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="287"/>
        <source>{days} days overdue</source>
        <translation>已超期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="304"/>
        <source>(source: {source})</source>
        <translation>（来源：{source}）</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="319"/>
        <source>open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="331"/>
        <source>applied for on {day}</source>
        <translation>{day}申请</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="337"/>
        <source>applied for on {day} by {applicant}</source>
        <translation>{applicant}于{day}申请执行</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="375"/>
        <source>Hand-over accepted</source>
        <translation>接收移交</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="376"/>
        <source>Case registered</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="377"/>
        <source>Moved to the next stage</source>
        <translation>进入下一阶段</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="378"/>
        <source>Mediation recorded</source>
        <translation>记录调解</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="379"/>
        <source>Hearing scheduled</source>
        <translation>安排开庭</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="380"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="381"/>
        <source>Enforcement applied for</source>
        <translation>申请执行</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="382"/>
        <source>Procedure converted</source>
        <translation>程序转换</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="383"/>
        <source>Trial limit extended</source>
        <translation>延长审限</translation>
    </message>
    <message>
        <location filename="../../windows/court/file_view.py" line="391"/>
        <source>limit {old} → {new}, approved by {approver}</source>
        <translation>审限由{old}变更为{new}，批准人：{approver}</translation>
    </message>
</context>
<context>
    <name>ClerkDesk</name>
    <message>
        <location filename="../../windows/court/desk.py" line="85"/>
        <source>Counter (queue)</source>
        <translation>窗口叫号</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="101"/>
        <source>Scan a hand-over slip&apos;s barcode, or type its number or a case number</source>
        <translation>扫描移交单条码，或输入移交单编号、案号后按回车</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="104"/>
        <source>Scan or &amp;find:</source>
        <translation>扫码/查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="106"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="123"/>
        <source>Saved {path}.</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="134"/>
        <source>Files</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="135"/>
        <source>Hearings</source>
        <translation>开庭排期</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="137"/>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="178"/>
        <source>Inbox ({count})</source>
        <translation>收件箱（{count}）</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="178"/>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="233"/>
        <source>{number} was returned to {window}: {reason}</source>
        <translation>{number}已退回{window}窗口，理由：{reason}</translation>
    </message>
    <message>
        <location filename="../../windows/court/desk.py" line="249"/>
        <source>{number} is waiting: accept it or return it.</source>
        <translation>{number}待接收：请接收或退回。</translation>
    </message>
</context>
<context>
    <name>CourtFiguresPage</name>
    <message>
        <location filename="../../windows/court/figures.py" line="43"/>
        <source>Court figures</source>
        <translation>法庭统计</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="72"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="74"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="76"/>
        <source>&amp;Count</source>
        <translation>统计(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="79"/>
        <source>This &amp;year</source>
        <translation>本年(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="81"/>
        <source>&amp;Last year</source>
        <translation>上一年(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="83"/>
        <source>This mo&amp;nth</source>
        <translation>本月(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="112"/>
        <source>Visitors received</source>
        <translation>接待来访群众（人次）</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="113"/>
        <source>Matters handled</source>
        <translation>办理事项（件）</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="114"/>
        <source>Cases registered</source>
        <translation>立案（件）</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="115"/>
        <source>Cases closed</source>
        <translation>结案（件）</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="116"/>
        <source>Closed by mediation</source>
        <translation>调解结案（件）</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="117"/>
        <source>Mediation rate</source>
        <translation>调解率</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="118"/>
        <source>Procedure converted</source>
        <translation>程序转换（件）</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="119"/>
        <source>Trial limit extended</source>
        <translation>延长审限（件）</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="123"/>
        <source>Track</source>
        <translation>审理程序</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="123"/>
        <source>Registered</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="124"/>
        <source>Outcome</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="124"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="126"/>
        <source>Registered by track</source>
        <translation>立案：按审理程序</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="128"/>
        <source>Closed by outcome</source>
        <translation>结案：按结案方式</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="134"/>
        <source>Visitors received: visits handed to the court or served at its window. Matters handled: hand-offs accepted. The mediation rate is closed by mediation (mediated or judicially confirmed) over all closed.</source>
        <translation>接待来访群众：各窗口移交法庭的和在法庭窗口接待的来访；办理事项：法庭接收的移交；调解率：调解结案（含调解书、当即履行和司法确认）占全部结案的比例。</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="215"/>
        <source>From {first} to {last}</source>
        <translation>{first}至{last}</translation>
    </message>
</context>
<context>
    <name>CourtFilesPage</name>
    <message>
        <location filename="../../windows/court/files.py" line="117"/>
        <source>&amp;Open files only</source>
        <translation>只看在办案件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="163"/>
        <source>&amp;Register</source>
        <translation>立案登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="165"/>
        <source>Move to stage</source>
        <translation>转入</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="166"/>
        <source>The stage to move the file forward to</source>
        <translation>案件向后推进到的阶段</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="167"/>
        <source>&amp;Mediation</source>
        <translation>记录调解(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="168"/>
        <source>Schedule &amp;hearing</source>
        <translation>排期开庭(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="169"/>
        <source>&amp;Close the file</source>
        <translation>结案(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="170"/>
        <source>&amp;Enforcement</source>
        <translation>申请执行(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="171"/>
        <source>C&amp;onvert procedure…</source>
        <translation>转换程序(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="172"/>
        <source>E&amp;xtend trial limit…</source>
        <translation>延长审限(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="173"/>
        <source>Hand-over sli&amp;p</source>
        <translation>移交单(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="174"/>
        <source>Me&amp;diation paper</source>
        <translation>调解书/调解协议(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="175"/>
        <source>Co&amp;ver sheet</source>
        <translation>案件封面(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="177"/>
        <source>Hand-over slip</source>
        <translation>移交单…</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="180"/>
        <source>Mediation paper</source>
        <translation>调解文书…</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="183"/>
        <source>Cover sheet</source>
        <translation>案件封面…</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="185"/>
        <source>&amp;Next stage</source>
        <translation>下一阶段(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="198"/>
        <source>Trial limit:</source>
        <translation>审理期限：</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="203"/>
        <source>Papers (PDF):</source>
        <translation>文书（PDF）：</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="208"/>
        <source>Print:</source>
        <translation>打印：</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="221"/>
        <source>Case</source>
        <translation>案号/移交单</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="222"/>
        <source>Plaintiff</source>
        <translation>原告</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="223"/>
        <source>Defendant</source>
        <translation>被告</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="224"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="225"/>
        <source>Track</source>
        <translation>审理程序</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="227"/>
        <source>Trial limit</source>
        <translation>审限</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="230"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="234"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="288"/>
        <source>{count} files</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="410"/>
        <source>Registered as {number}; the trial limit ends on {due}.</source>
        <translation>已立案，案号{number}；审限至{due}。</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="431"/>
        <source>{label} moved to {stage}.</source>
        <translation>{label}已转入{stage}阶段。</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="452"/>
        <source>Mediation of {day} recorded.</source>
        <translation>已登记{day}的调解情况。</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="481"/>
        <source>Scheduled for {time}.</source>
        <translation>已排期：{time}。</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="494"/>
        <source>{label} closed.</source>
        <translation>{label}已结案。</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="509"/>
        <source>Application for enforcement recorded; the file is at enforcement.</source>
        <translation>已登记执行申请，案件转入执行阶段。</translation>
    </message>
    <message>
        <location filename="../../windows/court/files.py" line="531"/>
        <source>{label}: the trial limit now ends on {due}.</source>
        <translation>{label}：审理期限现至{due}届满。</translation>
    </message>
</context>
<context>
    <name>CourtForm</name>
    <message>
        <location filename="../../windows/court/forms.py" line="133"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>EnforcementDialog</name>
    <message>
        <location filename="../../windows/court/forms.py" line="555"/>
        <source>Enforcement of {label}</source>
        <translation>{label} 申请执行</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="556"/>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="562"/>
        <source>&amp;Applied on</source>
        <translation>申请日期(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="563"/>
        <source>Appl&amp;icant</source>
        <translation>申请人(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="564"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <location filename="../../windows/court/forms.py" line="420"/>
        <source>Schedule a hearing of {label}</source>
        <translation>{label} 排期</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="421"/>
        <source>&amp;Schedule</source>
        <translation>排期(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="432"/>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="433"/>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="434"/>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="435"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>HearingsPage</name>
    <message>
        <location filename="../../windows/court/figures.py" line="255"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="257"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="261"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="262"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="263"/>
        <source>Case</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="264"/>
        <source>Plaintiff</source>
        <translation>原告</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="265"/>
        <source>Defendant</source>
        <translation>被告</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="266"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="267"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="272"/>
        <source>Double-click or press Enter to open the file</source>
        <translation>双击或按回车打开案件</translation>
    </message>
    <message>
        <location filename="../../windows/court/figures.py" line="303"/>
        <source>{count} on the calendar</source>
        <translation>共 {count} 场</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../windows/court/inbox.py" line="61"/>
        <source>Hand-off</source>
        <translation>移交单</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="62"/>
        <location filename="../../windows/court/inbox.py" line="105"/>
        <source>Handed at</source>
        <translation>移交时间</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="63"/>
        <source>From window</source>
        <translation>移交窗口</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="64"/>
        <location filename="../../windows/court/inbox.py" line="106"/>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="65"/>
        <location filename="../../windows/court/inbox.py" line="107"/>
        <source>Other party</source>
        <translation>对方当事人</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="71"/>
        <source>No hand-off is waiting.</source>
        <translation>没有待接收的移交。</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="91"/>
        <location filename="../../windows/court/inbox.py" line="300"/>
        <source>Hand-over slip</source>
        <translation>移交单</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="102"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="103"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="104"/>
        <source>From</source>
        <translation>移交窗口</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="108"/>
        <source>Claim in brief</source>
        <translation>诉求简要</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="109"/>
        <source>Laws explained</source>
        <translation>释法说明</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="111"/>
        <source>The visit</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="115"/>
        <source>This visit is a report or accusation: its content is not shown at the court. Work from the slip and ask the party in person.</source>
        <translation>本次来访属检举控告，内容不向法庭显示。请以移交单为准，当面向当事人了解情况。</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="129"/>
        <source>Visit</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="130"/>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="131"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="132"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="133"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="134"/>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="135"/>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="157"/>
        <source>&amp;Accept</source>
        <translation>接收(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="159"/>
        <source>Take the matter over: a court file opens at reception</source>
        <translation>接收此事项：建立案卷，进入接访阶段</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="164"/>
        <source>Print the slip…</source>
        <translation>打印移交单…</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="353"/>
        <source>Accepted {number}: its court file is open at reception; register it next.</source>
        <translation>已接收{number}，案卷已建立（接访阶段），下一步请立案登记。</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="162"/>
        <source>Hand-over &amp;slip (PDF)</source>
        <translation>移交单 PDF(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="170"/>
        <source>Why the court returns it; the window sees this reason</source>
        <translation>写明退回理由，移交窗口会看到</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="178"/>
        <source>Re&amp;turn to the window</source>
        <translation>退回窗口(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="180"/>
        <source>&amp;Reason for returning</source>
        <translation>退回理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="302"/>
        <source>Hand-over slip {number}</source>
        <translation>移交单 {number}</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="306"/>
        <source>{window}, handed by {officer}</source>
        <translation>{window}窗口，移交人 {officer}</translation>
    </message>
    <message>
        <location filename="../../windows/court/inbox.py" line="376"/>
        <source>Returned {number} to {window} with the reason.</source>
        <translation>已将{number}退回{window}窗口，并告知退回理由。</translation>
    </message>
</context>
<context>
    <name>LimitDialog</name>
    <message>
        <location filename="../../windows/court/limits.py" line="38"/>
        <source>Convert the procedure of {label}</source>
        <translation>转换审理程序：{label}</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="39"/>
        <source>&amp;Convert</source>
        <translation>转换程序(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="43"/>
        <source>Now under {track}. The trial limit then counts from registration under the new procedure.</source>
        <translation>现适用{track}。转换后，审理期限按新程序自立案之日起计算。</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="49"/>
        <source>(none allowed)</source>
        <translation>（不能再转换）</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="50"/>
        <source>&amp;New procedure</source>
        <translation>转为(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="52"/>
        <source>Extend the trial limit of {label}</source>
        <translation>延长审理期限：{label}</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="53"/>
        <source>&amp;Extend</source>
        <translation>延长审限(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="55"/>
        <source>Under {track} the limit may be extended once, by {most} months.</source>
        <translation>{track}的审理期限经批准可延长一次，最多 {most} 个月。</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="58"/>
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="60"/>
        <source>&amp;Extend by</source>
        <translation>延长(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="63"/>
        <source>e.g. court president Zhang</source>
        <translation>如：院长 张某某</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="64"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/court/limits.py" line="65"/>
        <source>&amp;Approved by</source>
        <translation>批准人(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MediationDialog</name>
    <message>
        <location filename="../../windows/court/forms.py" line="375"/>
        <source>Mediation in {label}</source>
        <translation>{label} 调解情况</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="376"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="384"/>
        <source>Choose one of the court&apos;s staff, or type a name</source>
        <translation>从法庭工作人员中选择，或直接输入姓名</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="385"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="389"/>
        <source>At the {stage} stage</source>
        <translation>在{stage}阶段调解</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="390"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="391"/>
        <source>&amp;Mediator</source>
        <translation>调解人(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="392"/>
        <source>&amp;Result</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="393"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../windows/court/forms.py" line="456"/>
        <source>Close {label}</source>
        <translation>{label} 结案</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="457"/>
        <source>&amp;Close the file</source>
        <translation>结案(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="468"/>
        <source>The agreement was reached elsewhere (a people&apos;s mediation committee)</source>
        <translation>调解协议在别处达成（如人民调解委员会）</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="474"/>
        <source>The terms agreed, one per line</source>
        <translation>协议内容，每条一行</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="480"/>
        <source>&amp;How</source>
        <translation>方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="486"/>
        <source>Judicial confirmation must be applied for within 30 days of the agreement; the agreement is the file&apos;s latest one unless it was reached elsewhere.</source>
        <translation>司法确认应自调解协议生效之日起三十日内申请；除非协议在别处达成，协议日期取本案最近一次达成协议的调解。</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="492"/>
        <source>&amp;Applied on</source>
        <translation>申请日期(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="494"/>
        <source>A&amp;greement of</source>
        <translation>协议达成日期(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="500"/>
        <source>&amp;Terms</source>
        <translation>协议内容(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="505"/>
        <source>&amp;Outcome</source>
        <translation>结案方式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="506"/>
        <source>Closed o&amp;n</source>
        <translation>结案日期(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="509"/>
        <source>No&amp;te</source>
        <translation>备注(&amp;E)</translation>
    </message>
</context>
<context>
    <name>PaperPrinter</name>
    <message>
        <location filename="../../windows/court/papers.py" line="105"/>
        <source>hand-over slip</source>
        <translation>移交单</translation>
    </message>
    <message>
        <location filename="../../windows/court/papers.py" line="106"/>
        <source>mediation paper</source>
        <translation>调解文书</translation>
    </message>
    <message>
        <location filename="../../windows/court/papers.py" line="107"/>
        <source>cover sheet</source>
        <translation>案件封面</translation>
    </message>
    <message>
        <location filename="../../windows/court/papers.py" line="113"/>
        <source>Print the {paper} of {label}</source>
        <translation>打印{label}的{paper}</translation>
    </message>
    <message>
        <location filename="../../windows/court/papers.py" line="141"/>
        <source>The {paper} of {label} was sent to the printer.</source>
        <translation>{label}的{paper}已送往打印机。</translation>
    </message>
    <message>
        <location filename="../../windows/court/papers.py" line="148"/>
        <source>The printer did not take the {paper} of {label}. Check that it is switched on and has paper, then print again, or save the paper as PDF; the records are unchanged.</source>
        <translation>打印机未能打印{label}的{paper}。请检查打印机是否已开机、有纸，然后重新打印，或将其保存为 PDF；已登记的记录不受影响。</translation>
    </message>
</context>
<context>
    <name>PaperSaver</name>
    <message>
        <location filename="../../windows/court/papers.py" line="47"/>
        <source>Save hand-over slip {label} as PDF</source>
        <translation>把移交单{label}保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../windows/court/papers.py" line="48"/>
        <source>Save the mediation paper of {label} as PDF</source>
        <translation>把{label}的调解文书保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../windows/court/papers.py" line="49"/>
        <source>Save the cover sheet of {label} as PDF</source>
        <translation>把{label}的案件封面保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../windows/court/papers.py" line="56"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../windows/court/forms.py" line="176"/>
        <source>Register {label}</source>
        <translation>{label} 立案登记</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="177"/>
        <source>&amp;Register</source>
        <translation>立案登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="178"/>
        <location filename="../../windows/court/forms.py" line="189"/>
        <location filename="../../windows/court/forms.py" line="193"/>
        <location filename="../../windows/court/forms.py" line="206"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="183"/>
        <source>{track} ({months} months)</source>
        <translation>{track}（审限{months}个月）</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="198"/>
        <source>e.g. Han</source>
        <translation>如：汉族</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="201"/>
        <source>Write &quot;none&quot; if there is none</source>
        <translation>没有工作单位的写“无”</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="214"/>
        <source>Names and addresses; may be left empty</source>
        <translation>姓名和住址；没有可不填</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="219"/>
        <source>Case &amp;type</source>
        <translation>案件类型(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="220"/>
        <source>T&amp;rack</source>
        <translation>审理程序(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="222"/>
        <source>Plaintiff</source>
        <translation>原告</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="224"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="225"/>
        <location filename="../../windows/court/forms.py" line="245"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="226"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="228"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="231"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="234"/>
        <location filename="../../windows/court/forms.py" line="247"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="236"/>
        <location filename="../../windows/court/forms.py" line="249"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="237"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="239"/>
        <source>Defendant</source>
        <translation>被告</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="241"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="243"/>
        <source>Name or organisation</source>
        <translation>姓名或名称</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="257"/>
        <source>&amp;Claims</source>
        <translation>诉讼请求(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="258"/>
        <source>&amp;Facts and reasons</source>
        <translation>事实与理由(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="259"/>
        <source>&amp;Evidence</source>
        <translation>证据(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="260"/>
        <source>Source of the evidence</source>
        <translation>证据来源</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="261"/>
        <source>&amp;Witnesses</source>
        <translation>证人(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../windows/court/forms.py" line="273"/>
        <source>The case number is given when the registration is saved; the trial limit runs from today. Litigation fees are waived at the circuit court.</source>
        <translation>保存立案登记后即编定案号，审限自今日起算。巡回法庭免交诉讼费用。</translation>
    </message>
</context>
</TS>
