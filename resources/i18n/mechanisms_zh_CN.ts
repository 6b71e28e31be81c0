<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DisputeDialog</name>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="147"/>
        <source>Dispute entry {number}</source>
        <translation>矛盾纠纷 {number}</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="152"/>
        <source> (overdue)</source>
        <translation>（已超期）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="154"/>
        <source>Source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="155"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="156"/>
        <source>Place</source>
        <translation>发生地</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="157"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="158"/>
        <source>Category</source>
        <translation>纠纷类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="159"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="160"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="161"/>
        <source>Leader in charge</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="162"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="163"/>
        <source>Person keeping it stable</source>
        <translation>稳控责任人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="164"/>
        <source>Assignment</source>
        <translation>交办单编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="165"/>
        <source>Settle by</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="175"/>
        <source>What happened</source>
        <translation>主要情况</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="180"/>
        <source>Progress</source>
        <translation>化解进展</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="183"/>
        <source>No progress noted yet.</source>
        <translation>尚无化解进展记录。</translation>
    </message>
</context>
<context>
    <name>DisputeRegister</name>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="47"/>
        <source>Dispute register</source>
        <translation>矛盾纠纷排查化解台账</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="50"/>
        <source>Only entries not yet settled</source>
        <translation>只看未化解的</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="54"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="55"/>
        <source>Place</source>
        <translation>发生地</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="56"/>
        <location filename="../../windows/mechanisms/register.py" line="107"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="57"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="58"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="59"/>
        <source>Leader</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="61"/>
        <source>Due</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="64"/>
        <source> overdue</source>
        <translation> 已超期</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="68"/>
        <location filename="../../windows/mechanisms/register.py" line="134"/>
        <source>Outcome</source>
        <translation>化解结果</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="89"/>
        <source>New entry</source>
        <translation>新登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="95"/>
        <source>Names of the parties, separated by 、</source>
        <translation>当事人姓名，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="104"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="106"/>
        <source>Source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="108"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="109"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="110"/>
        <source>Category</source>
        <translation>纠纷类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="111"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="112"/>
        <source>What happened</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="117"/>
        <source>The chosen entry</source>
        <translation>所选纠纷</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="120"/>
        <source>Add progress</source>
        <translation>记录进展</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="125"/>
        <source>Progress</source>
        <translation>化解进展</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="131"/>
        <source>Needed when handed to the court</source>
        <translation>移交法庭时必填</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="132"/>
        <source>Record the outcome</source>
        <translation>记录化解结果</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="135"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="136"/>
        <source>Other party</source>
        <translation>对方当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="139"/>
        <source>Leader&apos;s instruction…</source>
        <translation>领导批示…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="198"/>
        <source>Registered as {number}.</source>
        <translation>已登记，编号 {number}。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="205"/>
        <location filename="../../windows/mechanisms/register.py" line="220"/>
        <location filename="../../windows/mechanisms/register.py" line="245"/>
        <source>Choose an entry in the list first.</source>
        <translation>请先在左侧列表中选择一件纠纷。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="211"/>
        <source>Progress noted.</source>
        <translation>进展已记录。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="237"/>
        <source>Outcome of {number} recorded.</source>
        <translation>{number} 的化解结果已记录。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="253"/>
        <source>{number} assigned on the leader&apos;s instruction.</source>
        <translation>{number}已按领导批示交办。</translation>
    </message>
</context>
<context>
    <name>HearingsScreen</name>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="57"/>
        <source>Hearings</source>
        <translation>听证</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="62"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="63"/>
        <source>Held on</source>
        <translation>听证日期</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="64"/>
        <location filename="../../windows/mechanisms/hearings.py" line="111"/>
        <source>Subject</source>
        <translation>听证事项</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="65"/>
        <location filename="../../windows/mechanisms/hearings.py" line="110"/>
        <source>Case</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="66"/>
        <location filename="../../windows/mechanisms/hearings.py" line="115"/>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="67"/>
        <location filename="../../windows/mechanisms/hearings.py" line="134"/>
        <source>Outcome</source>
        <translation>听证结论</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="86"/>
        <source>New hearing</source>
        <translation>新建听证</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="89"/>
        <source>A formal case</source>
        <translation>信访事项听证</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="90"/>
        <source>A major decision</source>
        <translation>重大决策听证评估</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="93"/>
        <source>Case number or barcode</source>
        <translation>信访事项编号或条码</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="98"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="102"/>
        <source>Hearing members, separated by 、</source>
        <translation>听证员姓名，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="104"/>
        <source>Schedule the hearing</source>
        <translation>安排听证</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="107"/>
        <source>On</source>
        <translation>听证对象</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="112"/>
        <source>Date</source>
        <translation>听证日期</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="113"/>
        <source>Days it takes</source>
        <translation>所需天数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="114"/>
        <source>Place</source>
        <translation>听证地点</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="116"/>
        <source>Hearing members</source>
        <translation>听证员</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="117"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="122"/>
        <location filename="../../windows/mechanisms/hearings.py" line="207"/>
        <source>The chosen hearing</source>
        <translation>所选听证</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="128"/>
        <source>None (a case&apos;s hearing)</source>
        <translation>不作结论（信访事项听证）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="131"/>
        <source>Keep the record</source>
        <translation>保存听证笔录</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="133"/>
        <source>Record</source>
        <translation>笔录</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="137"/>
        <source>Save the notice…</source>
        <translation>保存通知书…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="139"/>
        <source>Print the notice…</source>
        <translation>打印通知书…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="145"/>
        <source>Save the record…</source>
        <translation>保存笔录…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="147"/>
        <source>Print the record…</source>
        <translation>打印笔录…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="184"/>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="205"/>
        <source>The chosen hearing: {number}</source>
        <translation>所选听证：{number}</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="236"/>
        <source>Type the number of the case to be heard.</source>
        <translation>请填写要听证的信访事项编号。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="249"/>
        <source>Hearing {number} scheduled.</source>
        <translation>已安排听证 {number}。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="259"/>
        <source>Choose a hearing in the list first.</source>
        <translation>请先在左侧列表中选择一场听证。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="276"/>
        <source>The record of {number} is kept.</source>
        <translation>{number} 的听证笔录已保存。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="288"/>
        <source>hearing notice</source>
        <translation>听证通知书</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/hearings.py" line="294"/>
        <source>hearing record</source>
        <translation>听证笔录</translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="64"/>
        <source>Leader&apos;s instruction on {number}</source>
        <translation>对 {number} 的领导批示</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="67"/>
        <source>{place}, {parties}: {category}, {people} people, risk {risk}</source>
        <translation>{place}，{parties}：{category}，涉及 {people} 人，风险等级{risk}</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="85"/>
        <source>Leader&apos;s instruction on the visit of {name}</source>
        <translation>对 {name} 来访的领导批示</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="88"/>
        <source>{place}, {name}: {summary} (entered in the dispute register when saved)</source>
        <translation>{place}，{name}：{summary}（保存时登记入矛盾纠纷台账）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="130"/>
        <source>The leader&apos;s words, as given</source>
        <translation>照录领导批示原文</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="138"/>
        <source>Leader</source>
        <translation>批示领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="139"/>
        <source>Instruction</source>
        <translation>批示内容</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="140"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="141"/>
        <source>Person keeping it stable</source>
        <translation>稳控责任人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="142"/>
        <source>Settle by</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="146"/>
        <source>Record the instruction and assign</source>
        <translation>记录批示并交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="149"/>
        <source>Save the assignment slip…</source>
        <translation>保存交办单…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="183"/>
        <source>Instruction recorded: assigned as {number}, to settle by {due}.</source>
        <translation>批示已记录：交办编号 {number}，化解期限 {due}。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="196"/>
        <source>Save the assignment slip</source>
        <translation>保存交办单</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="199"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/instruction.py" line="215"/>
        <source>The assignment slip is saved as {path}.</source>
        <translation>交办单已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>LedEntries</name>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="52"/>
        <source>Nearest deadline first; overdue ones in red</source>
        <translation>按化解期限先后排列，超期的标红</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="55"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="56"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="57"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="58"/>
        <source>State or risk</source>
        <translation>状态/风险</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="59"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="60"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="97"/>
        <source>My entries (包案): {name} is not on the leaders&apos; list.</source>
        <translation>我包案的事项：“{name}”不在领导名单（排班表）中</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="105"/>
        <source>My entries (包案): {count}, {overdue} overdue (open one to see it)</source>
        <translation>我包案的事项：{count} 件，超期 {overdue} 件（双击查看详情）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="109"/>
        <source>My entries (包案): none open.</source>
        <translation>我包案的事项：没有未化解的事项。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="128"/>
        <source>not set</source>
        <translation>未定</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="131"/>
        <source>{days} days overdue</source>
        <translation>超期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="134"/>
        <source>Formal case</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/led.py" line="134"/>
        <source>Register entry</source>
        <translation>排查化解</translation>
    </message>
</context>
<context>
    <name>MechanismPages</name>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="37"/>
        <source>Dispute register</source>
        <translation>矛盾纠纷排查化解台账</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="44"/>
        <source>Weekly meeting</source>
        <translation>周例会交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="51"/>
        <source>Mass work day</source>
        <translation>群众工作日</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="58"/>
        <source>Hearings</source>
        <translation>听证</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="66"/>
        <source>Dispute risk rules</source>
        <translation>纠纷风险等级规则</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="74"/>
        <source>Station</source>
        <translation>群众工作站</translation>
    </message>
</context>
<context>
    <name>MechanismPapers</name>
    <message>
        <location filename="../../windows/mechanisms/papers.py" line="47"/>
        <source>Save the {name}</source>
        <translation>保存{name}</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/papers.py" line="50"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/papers.py" line="62"/>
        <source>The {name} is saved as {path}.</source>
        <translation>{name}已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/papers.py" line="68"/>
        <source>Print the {name}</source>
        <translation>打印{name}</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/papers.py" line="83"/>
        <source>The {name} was sent to the printer.</source>
        <translation>{name}已送打印机。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/papers.py" line="87"/>
        <source>The printer did not take the {name}. Check that it is switched on and has paper, then print again, or save it as PDF.</source>
        <translation>打印机未能打印{name}。请检查打印机是否开机、有纸，然后重新打印，或另存为 PDF。</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="54"/>
        <source>Weekly meeting: classify and assign</source>
        <translation>周例会：研判交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="60"/>
        <location filename="../../windows/mechanisms/meeting.py" line="79"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="61"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="62"/>
        <location filename="../../windows/mechanisms/meeting.py" line="80"/>
        <source>Place</source>
        <translation>发生地</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="63"/>
        <location filename="../../windows/mechanisms/meeting.py" line="81"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="64"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="65"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="66"/>
        <source>Decision</source>
        <translation>交办意见</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="82"/>
        <source>Leader</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="83"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="84"/>
        <source>Due</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="95"/>
        <source>Decision for the chosen entry</source>
        <translation>所选纠纷的交办意见</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="102"/>
        <source>As the rules give</source>
        <translation>按规则评定</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="106"/>
        <source>Put in the sitting</source>
        <translation>列入本次交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="109"/>
        <source>Save the sitting</source>
        <translation>保存本次例会交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="111"/>
        <source>Save the assignment slips…</source>
        <translation>保存交办单…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="117"/>
        <source>Leader in charge</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="118"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="119"/>
        <source>Person keeping it stable</source>
        <translation>稳控责任人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="120"/>
        <source>Settle by</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="121"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="122"/>
        <source>Category</source>
        <translation>纠纷类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="124"/>
        <source>Chair of the meeting</source>
        <translation>例会主持人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="147"/>
        <source>Overdue and not settled: {count}</source>
        <translation>超期未化解：{count} 件</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="187"/>
        <source>Choose an entry of the agenda first.</source>
        <translation>请先在待交办列表中选择一件纠纷。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="208"/>
        <source>{count} decisions in this sitting.</source>
        <translation>本次例会已列入 {count} 件交办。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="222"/>
        <source>The sitting is saved: {count} entries assigned.</source>
        <translation>例会交办已保存：共交办 {count} 件。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="260"/>
        <source>{count} slips saved.</source>
        <translation>已保存 {count} 份交办单。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="265"/>
        <source>Save the sitting first; then its slips can be saved.</source>
        <translation>请先保存本次例会交办，再保存交办单。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="269"/>
        <source>Save the assignment slips</source>
        <translation>保存交办单</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="272"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>OverdueDisputes</name>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="33"/>
        <source>Overdue dispute entries</source>
        <translation>超期矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="53"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="54"/>
        <source>Place</source>
        <translation>发生地</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="55"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="56"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="57"/>
        <source>Leader</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="58"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="59"/>
        <source>Due</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="91"/>
        <source>Dispute entries overdue and not settled: {count} (open one to see it)</source>
        <translation>超期未化解的矛盾纠纷：{count} 件（双击查看详情）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/overdue.py" line="95"/>
        <source>No dispute entry is overdue.</source>
        <translation>没有超期未化解的矛盾纠纷。</translation>
    </message>
</context>
<context>
    <name>RiskRulesScreen</name>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="40"/>
        <source>Risk rules of the dispute register</source>
        <translation>矛盾纠纷风险等级规则</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="45"/>
        <source>A dispute of the category (blank: any category) involving at least the number of people is at least of the level. An entry gets the highest level any rule gives it, and 一般 when none applies. Changed rules apply to entries registered from then on; entries already registered keep their level.</source>
        <translation>某类别（留空表示任何类别）的纠纷，涉及人数达到规定人数的，风险等级至少为所定等级。一件纠纷取各条规则中最高的等级，没有规则适用时为“一般”。修改后的规则只适用于此后登记的纠纷，已登记的纠纷保留原等级。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="55"/>
        <source>Category</source>
        <translation>纠纷类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="55"/>
        <source>At least, people</source>
        <translation>涉及人数（不少于）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="55"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="61"/>
        <source>Add a rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="63"/>
        <source>Remove the chosen rule</source>
        <translation>删除所选规则</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="67"/>
        <source>Save the rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="93"/>
        <source>Any category</source>
        <translation>任何类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="131"/>
        <source>Choose a rule in the table first.</source>
        <translation>请先在表中选择一条规则。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/risk_rules.py" line="144"/>
        <source>{count} rules saved; they apply to entries registered from now on.</source>
        <translation>已保存 {count} 条规则，适用于此后登记的纠纷。</translation>
    </message>
</context>
<context>
    <name>StationScreen</name>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="50"/>
        <source>Early warning</source>
        <translation>预警信息</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="50"/>
        <source>New entry</source>
        <translation>新登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="65"/>
        <source>Send to the hall</source>
        <translation>报送大厅</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="67"/>
        <source>Send waiting entries</source>
        <translation>补发待报送内容</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="72"/>
        <location filename="../../windows/mechanisms/station.py" line="86"/>
        <source>Kind</source>
        <translation>报送类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="73"/>
        <source>Who raised it</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="74"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="75"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="76"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="77"/>
        <source>What it is</source>
        <translation>报送内容</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="84"/>
        <source>Our entries and what became of them</source>
        <translation>本站报送及办理结果</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="86"/>
        <source>Sent</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="86"/>
        <source>Who</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="86"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="86"/>
        <source>Answer</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="122"/>
        <source>Send waiting entries ({count})</source>
        <translation>补发待报送内容（{count} 条）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="176"/>
        <source>The hall cannot be reached: the entry is kept on this PC and will be sent once the connection is back.</source>
        <translation>连不上大厅的数据库：内容已保存在本机，网络恢复后点“补发待报送内容”即可报送，不会重复。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="182"/>
        <source>{count} entries sent to the hall.</source>
        <translation>已向大厅报送 {count} 条。</translation>
    </message>
</context>
<context>
    <name>WorkdayScreen</name>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="54"/>
        <source>Mass work day: what the cadres brought back</source>
        <translation>群众工作日：干部下访收集情况登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="80"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="81"/>
        <location filename="../../windows/mechanisms/workday.py" line="131"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="82"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="84"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="85"/>
        <location filename="../../windows/mechanisms/workday.py" line="133"/>
        <source>Cadre</source>
        <translation>登记干部</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="86"/>
        <source>Register number</source>
        <translation>台账编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="96"/>
        <source>Save the summary as PDF…</source>
        <translation>汇总另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="98"/>
        <source>Print the summary…</source>
        <translation>打印汇总…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="108"/>
        <source>New entry</source>
        <translation>新登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="117"/>
        <source>The community or village visited</source>
        <translation>走访的村（社区）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="122"/>
        <source>Names of the parties, separated by 、</source>
        <translation>当事人姓名，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="128"/>
        <source>Enter</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="130"/>
        <source>What it is</source>
        <translation>登记类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="132"/>
        <source>Community or village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="134"/>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="135"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="136"/>
        <source>Dispute category</source>
        <translation>纠纷类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="137"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="138"/>
        <source>What was found or done</source>
        <translation>收集的情况或所办实事</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="177"/>
        <source>Entries for the mass work day of {day} are taken until {last}.</source>
        <translation>正在登记 {day} 群众工作日收集的情况，登记截止 {last}。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="188"/>
        <source>Entries of the mass work day of {day}: {count}</source>
        <translation>{day} 群众工作日已登记：{count} 条</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="93"/>
        <source>Summary for the leaders&apos; meeting, by township and kind:</source>
        <translation>领导例会汇总（按乡镇和类别）：</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="83"/>
        <source>Topic or category</source>
        <translation>议题或类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="232"/>
        <source>Entered: {kind}, {category}.</source>
        <translation>已登记：{kind}，{category}。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/workday.py" line="253"/>
        <location filename="../../windows/mechanisms/workday.py" line="258"/>
        <source>summary of the mass work day</source>
        <translation>群众工作日汇总</translation>
    </message>
</context>
</TS>
