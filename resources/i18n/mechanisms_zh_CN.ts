<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DisputeRegister</name>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="44"/>
        <source>Dispute register</source>
        <translation>矛盾纠纷排查化解台账</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="47"/>
        <source>Only entries not yet settled</source>
        <translation>只看未化解的</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="51"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="52"/>
        <source>Place</source>
        <translation>发生地</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="53"/>
        <location filename="../../windows/mechanisms/register.py" line="110"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="54"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="55"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="56"/>
        <source>Leader</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="58"/>
        <source>Due</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="61"/>
        <source> overdue</source>
        <translation> 已超期</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="65"/>
        <location filename="../../windows/mechanisms/register.py" line="137"/>
        <source>Outcome</source>
        <translation>化解结果</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="92"/>
        <source>New entry</source>
        <translation>新登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="98"/>
        <source>Names of the parties, separated by 、</source>
        <translation>当事人姓名，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="107"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="109"/>
        <source>Source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="111"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="112"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="113"/>
        <source>Category</source>
        <translation>纠纷类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="114"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="115"/>
        <source>What happened</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="120"/>
        <source>The chosen entry</source>
        <translation>所选纠纷</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="123"/>
        <source>Add progress</source>
        <translation>记录进展</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="128"/>
        <source>Progress</source>
        <translation>化解进展</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="134"/>
        <source>Needed when handed to the court</source>
        <translation>移交法庭时必填</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="135"/>
        <source>Record the outcome</source>
        <translation>记录化解结果</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="138"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="139"/>
        <source>Other party</source>
        <translation>对方当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="197"/>
        <source>Registered as {number}.</source>
        <translation>已登记，编号 {number}。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="204"/>
        <location filename="../../windows/mechanisms/register.py" line="219"/>
        <source>Choose an entry in the list first.</source>
        <translation>请先在左侧列表中选择一件纠纷。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="210"/>
        <source>Progress noted.</source>
        <translation>进展已记录。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/register.py" line="236"/>
        <source>Outcome of {number} recorded.</source>
        <translation>{number} 的化解结果已记录。</translation>
    </message>
</context>
<context>
    <name>MechanismPages</name>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="31"/>
        <source>Dispute register</source>
        <translation>矛盾纠纷排查化解台账</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="38"/>
        <source>Weekly meeting</source>
        <translation>周例会交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/pages.py" line="46"/>
        <source>Station</source>
        <translation>群众工作站</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="53"/>
        <source>Weekly meeting: classify and assign</source>
        <translation>周例会：研判交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="59"/>
        <location filename="../../windows/mechanisms/meeting.py" line="78"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="60"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="61"/>
        <location filename="../../windows/mechanisms/meeting.py" line="79"/>
        <source>Place</source>
        <translation>发生地</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="62"/>
        <location filename="../../windows/mechanisms/meeting.py" line="80"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="63"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="64"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="65"/>
        <source>Decision</source>
        <translation>交办意见</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="81"/>
        <source>Leader</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="82"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="83"/>
        <source>Due</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="94"/>
        <source>Decision for the chosen entry</source>
        <translation>所选纠纷的交办意见</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="101"/>
        <source>As the rules give</source>
        <translation>按规则评定</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="105"/>
        <source>Put in the sitting</source>
        <translation>列入本次交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="108"/>
        <source>Save the sitting</source>
        <translation>保存本次例会交办</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="110"/>
        <source>Save the assignment slips…</source>
        <translation>保存交办单…</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="112"/>
        <source>Leader in charge</source>
        <translation>包案领导</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="113"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="114"/>
        <source>Person keeping it stable</source>
        <translation>稳控责任人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="115"/>
        <source>Settle by</source>
        <translation>化解期限</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="116"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="117"/>
        <source>Category</source>
        <translation>纠纷类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="119"/>
        <source>Chair of the meeting</source>
        <translation>例会主持人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="141"/>
        <source>Overdue and not settled: {count}</source>
        <translation>超期未化解：{count} 件</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="181"/>
        <source>Choose an entry of the agenda first.</source>
        <translation>请先在待交办列表中选择一件纠纷。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="194"/>
        <source>{count} decisions in this sitting.</source>
        <translation>本次例会已列入 {count} 件交办。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="208"/>
        <source>The sitting is saved: {count} entries assigned.</source>
        <translation>例会交办已保存：共交办 {count} 件。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="234"/>
        <source>{count} slips saved.</source>
        <translation>已保存 {count} 份交办单。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="239"/>
        <source>Save the sitting first; then its slips can be saved.</source>
        <translation>请先保存本次例会交办，再保存交办单。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="243"/>
        <source>Save the assignment slips</source>
        <translation>保存交办单</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/meeting.py" line="246"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>StationScreen</name>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="46"/>
        <source>Early warning</source>
        <translation>预警信息</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="46"/>
        <source>New entry</source>
        <translation>新登记</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="61"/>
        <source>Send to the hall</source>
        <translation>报送大厅</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="63"/>
        <source>Send waiting entries</source>
        <translation>补发待报送内容</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="67"/>
        <location filename="../../windows/mechanisms/station.py" line="81"/>
        <source>Kind</source>
        <translation>报送类别</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="68"/>
        <source>Who raised it</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="69"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="70"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="71"/>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="72"/>
        <source>What it is</source>
        <translation>报送内容</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="79"/>
        <source>Our entries and what became of them</source>
        <translation>本站报送及办理结果</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="81"/>
        <source>Sent</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="81"/>
        <source>Who</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="81"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="81"/>
        <source>Answer</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="113"/>
        <source>Send waiting entries ({count})</source>
        <translation>补发待报送内容（{count} 条）</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="166"/>
        <source>The hall cannot be reached: the entry is kept on this PC and will be sent once the connection is back.</source>
        <translation>连不上大厅的数据库：内容已保存在本机，网络恢复后点“补发待报送内容”即可报送，不会重复。</translation>
    </message>
    <message>
        <location filename="../../windows/mechanisms/station.py" line="171"/>
        <source>{count} entries sent to the hall.</source>
        <translation>已向大厅报送 {count} 条。</translation>
    </message>
</context>
</TS>
