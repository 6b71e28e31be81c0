<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FrontDeskScreen</name>
    <message>
        <location filename="../../desktop/front_desk.py" line="72" />
        <source>Register a visitor</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="78" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="82" />
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="85" />
        <source>Mobile, or area code and number</source>
        <translation>手机号，或区号加座机号</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="87" />
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="90" />
        <source>Township, village or community</source>
        <translation>乡镇（街道）、村（社区）及门牌</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="91" />
        <source>&amp;Address</source>
        <translation>住址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="95" />
        <source>&amp;Channel</source>
        <translation>来访方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="97" />
        <source>Who comes on the visitor's behalf</source>
        <translation>代为来访的人的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="99" />
        <source>Pro&amp;xy</source>
        <translation>代理人(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="101" />
        <source>P&amp;urpose</source>
        <translation>诉求类别(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="105" />
        <source>What the visitor asks for, in brief</source>
        <translation>来访人反映的问题和诉求，简要填写</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="107" />
        <source>&amp;Summary</source>
        <translation>事由摘要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="112" />
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="114" />
        <source>&amp;Group size</source>
        <translation>来访人数(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="117" />
        <source>Representatives</source>
        <translation>推选代表</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="120" />
        <source>P&amp;riority</source>
        <translation>优先理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="122" />
        <source>&amp;Litigation-related</source>
        <translation>涉法涉诉(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="123" />
        <source>U&amp;rgent</source>
        <translation>紧急(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="128" />
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="131" />
        <source>Choose a window</source>
        <translation>请选择窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="134" />
        <source>&amp;Window</source>
        <translation>去往窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="136" />
        <source>Issue ticket (Ctrl+Enter)</source>
        <translation>发号（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="137" />
        <source>Ctrl+Enter or F9</source>
        <translation>按 Ctrl+Enter 或 F9 发号</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="141" />
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="195" />
        <source>Ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="203" />
        <source>No ticket issued yet.</source>
        <translation>尚未发号。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="220" />
        <source>Waiting at each window</source>
        <translation>各窗口等候情况</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="224" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="224" />
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="224" />
        <source>Of them priority</source>
        <translation>其中优先</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="224" />
        <source>Now</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="243" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="267" />
        <source>{letter} {name} ({waiting} waiting)</source>
        <translation>{letter} {name}（等候 {waiting} 人）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="329" />
        <source>The database cannot be reached: nothing was saved. The form is kept; press Issue ticket again when the connection is back.</source>
        <translation>无法连接数据库：本次登记没有保存。表单内容已保留，连接恢复后请再按“发号”。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="338" />
        <source>Ticket {number} issued to {name}.</source>
        <translation>已为{name}发号：{number}。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="365" />
        <source>Please go to {window} ({location})</source>
        <translation>请到{window}窗口（{location}）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="370" />
        <source>{count} waiting ahead</source>
        <translation>前面还有 {count} 人等候</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="372" />
        <source>No one ahead</source>
        <translation>前面无人等候，请直接前往</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="376" />
        <source>Visitor: {name}</source>
        <translation>来访人：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="378" />
        <source>Priority: {reason}</source>
        <translation>优先：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="392" />
        <source>Please correct the {count} marked item(s); nothing was saved.</source>
        <translation>有 {count} 处需要修改（已标红），本次登记没有保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="426" />
        <source>A group of {size} elects representatives to speak for it: register them below (at most {count}).</source>
        <translation>{size} 人集体来访，应推选代表反映诉求：请在下面登记代表（不超过 {count} 人）。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="457" />
        <source>Suggested: {reason}</source>
        <translation>建议：{reason}</translation>
    </message>
</context>
<context>
    <name>IdNumberField</name>
    <message>
        <location filename="../../desktop/widgets/fields.py" line="95" />
        <source>18 characters; the last may be X</source>
        <translation>18 位，最后一位可以是 X</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/fields.py" line="122" />
        <source>Born {year}-{month}-{day}, {gender}</source>
        <translation>{year}年{month}月{day}日出生，{gender}</translation>
    </message>
</context>
<context>
    <name>RepresentativesEditor</name>
    <message>
        <location filename="../../desktop/front_desk.py" line="469" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="469" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="469" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../windows/transfer.py" line="32" />
        <source>Transfer {number}</source>
        <translation>转窗口：{number}</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="38" />
        <source>{letter} {name} ({waiting} waiting)</source>
        <translation>{letter} {name}（等候 {waiting} 人）</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="44" />
        <source>Why the visitor goes there</source>
        <translation>转到该窗口的原因</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="51" />
        <source>Transfer</source>
        <translation>转窗口</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="54" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="62" />
        <source>To &amp;window</source>
        <translation>转到窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="63" />
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="72" />
        <source>There is no other window to transfer to.</source>
        <translation>没有其他可转的窗口。</translation>
    </message>
    <message>
        <location filename="../../windows/transfer.py" line="77" />
        <source>Please say why the visitor is transferred; the next window reads it.</source>
        <translation>请填写转窗口的原因，接办窗口会看到。</translation>
    </message>
</context>
<context>
    <name>WindowWorkstation</name>
    <message>
        <location filename="../../windows/base.py" line="137" />
        <source>Seat {seat}</source>
        <translation>{seat} 号座位</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="149" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="150" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="152" />
        <location filename="../../windows/base.py" line="206" />
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="155" />
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="156" />
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="167" />
        <source>Double-click or press Enter on a visitor to call them out of turn</source>
        <translation>双击或按回车可不按顺序呼叫所选来访人</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="178" />
        <source>At the counter</source>
        <translation>当前来访人</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="185" />
        <location filename="../../windows/base.py" line="290" />
        <source>Free: press F1 to call the next visitor.</source>
        <translation>空闲：按 F1 呼叫下一位。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="203" />
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="204" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="205" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="207" />
        <source>Queued</source>
        <translation>排队</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="208" />
        <source>Summary</source>
        <translation>事由摘要</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="214" />
        <source>What was done; saved with the outcome when you finish (F5)</source>
        <translation>办理情况，办结（F5）时随结果一并保存</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="216" />
        <source>&amp;Notes</source>
        <translation>办理记录(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="234" />
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="235" />
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="236" />
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="237" />
        <source>Start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="238" />
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="239" />
        <source>Transfer</source>
        <translation>转窗口</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="240" />
        <location filename="../../windows/base.py" line="477" />
        <source>Cancel ticket</source>
        <translation>取消此号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="280" />
        <source>Waiting: {count}</source>
        <translation>等候 {count} 人</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="305" />
        <source>recalled {count}×</source>
        <translation>已重呼 {count} 次</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="307" />
        <source>(not registered)</source>
        <translation>（未登记来访人）</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="311" />
        <source>{count} people</source>
        <translation>{count} 人</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="313" />
        <source>litigation-related</source>
        <translation>涉法涉诉</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="314" />
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="317" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="319" />
        <source>{time}, waited {minutes} min</source>
        <translation>{time} 取号，等候 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="357" />
        <source>The database cannot be reached: nothing was saved and your notes are kept. Try again when the connection is back.</source>
        <translation>无法连接数据库：本次操作没有保存，办理记录已保留。连接恢复后请重试。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="378" />
        <source>No visitor is at the counter.</source>
        <translation>当前没有来访人。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="384" />
        <source>Calling {number} {name}.</source>
        <translation>正在呼叫 {number} {name}。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="387" />
        <source>No one is waiting at this window.</source>
        <translation>本窗口没有等候的来访人。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="394" />
        <source>{number} is still at the counter: finish with them first.</source>
        <translation>{number} 还在办理中：请先办完再叫下一位。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="403" />
        <source>Calling {number} {name} out of turn.</source>
        <translation>正在呼叫 {number} {name}（不按顺序）。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="412" />
        <source>{number} did not come after the last recall: marked no-show.</source>
        <translation>{number} 重呼后仍未到，已标记为过号。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="414" />
        <source>Called {number} again ({count}×).</source>
        <translation>已再次呼叫 {number}（第 {count} 次重呼）。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="423" />
        <source>{number} marked no-show.</source>
        <translation>{number} 已标记为过号。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="429" />
        <source>Serving {number}.</source>
        <translation>开始办理 {number}。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="436" />
        <source>{number} finished; the notes are saved.</source>
        <translation>{number} 已办结，办理记录已保存。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="462" />
        <source>{number} transferred to {window} as {new_number}.</source>
        <translation>{number} 已转到{window}窗口，新号码 {new_number}。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="479" />
        <source>Cancel ticket {number}? What is typed in the notes is kept as the reason.</source>
        <translation>取消 {number} 号？办理记录中填写的内容将作为取消原因保存。</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="484" />
        <source>Cancel the ticket</source>
        <translation>取消此号</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="485" />
        <source>Keep it</source>
        <translation>不取消</translation>
    </message>
    <message>
        <location filename="../../windows/base.py" line="496" />
        <source>{number} cancelled.</source>
        <translation>{number} 已取消。</translation>
    </message>
</context>
</TS>