<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppointmentButton</name>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="473"/>
        <source>Appointments… (F6)</source>
        <translation>预约签到…（F6）</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="423"/>
        <source>Appointments: check-in and booking</source>
        <translation>预约签到与预约登记</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="427"/>
        <source>Check in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="428"/>
        <source>Book</source>
        <translation>预约登记</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="430"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BookingPage</name>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="291"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="292"/>
        <source>&amp;Slot</source>
        <translation>时段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="293"/>
        <source>Leader</source>
        <translation>接访领导</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="294"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="295"/>
        <source>&amp;ID number</source>
        <translation>身份证号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="296"/>
        <source>&amp;Phone</source>
        <translation>手机号码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="297"/>
        <source>Su&amp;mmary</source>
        <translation>事由摘要(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="298"/>
        <source>&amp;Book</source>
        <translation>预约(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="313"/>
        <source>Print duty roster…</source>
        <translation>打印领导接访排班表…</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="315"/>
        <source>Save duty roster as PDF…</source>
        <translation>排班表另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="351"/>
        <source>{slot} ({left} of {capacity} left)</source>
        <translation>{slot}（余 {left}/{capacity}）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="360"/>
        <source>{name}, {post} ({portfolio})</source>
        <translation>{name}，{post}（分管：{portfolio}）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="364"/>
        <source>No leader receives visitors on this day.</source>
        <translation>当天没有安排领导接访。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="367"/>
        <source>No slot with a place left on this day.</source>
        <translation>当天没有尚可预约的时段。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="376"/>
        <source>Choose a slot with a place left.</source>
        <translation>请选择尚可预约的时段。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="397"/>
        <source>{name} is booked for {slot} on {day}. Their query code:</source>
        <translation>已为{name}预约 {day} {slot}。预约查询码：</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="65"/>
        <source>Query code, ID number or phone</source>
        <translation>预约查询码、身份证号码或手机号码</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="68"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="70"/>
        <source>Today&apos;s &amp;bookings</source>
        <translation>今日全部预约(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="73"/>
        <source>Booking of</source>
        <translation>查找预约</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="82"/>
        <source>Query code</source>
        <translation>查询码</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="82"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="82"/>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="82"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="83"/>
        <location filename="../../desktop/front_desk_appointments.py" line="102"/>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="97"/>
        <source>Check in and issue ticket (F9)</source>
        <translation>签到并取号（F9）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="120"/>
        <source>&amp;Reprint slip</source>
        <translation>补打凭条(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="154"/>
        <source>{count} booking(s) found.</source>
        <translation>找到 {count} 条预约。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="169"/>
        <source>Today&apos;s bookings: {count}.</source>
        <translation>今日预约共 {count} 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="215"/>
        <source>{name} checked in.</source>
        <translation>{name}已签到。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="229"/>
        <source>Please go to {window} ({location})</source>
        <translation>请到 {window}（{location}）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="236"/>
        <source>Came after the grace period of the slot ({slot}): queued as a walk-in from now.</source>
        <translation>已超过预约时段（{slot}）的迟到宽限，按现场取号排队。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_appointments.py" line="243"/>
        <source>Printing the slip of {number}…</source>
        <translation>正在打印 {number} 的凭条…</translation>
    </message>
</context>
<context>
    <name>DeskForm</name>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="116"/>
        <source>Not this person</source>
        <translation>不是此人</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="124"/>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="131"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="152"/>
        <source>&amp;ID</source>
        <translation>证件(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="158"/>
        <source>Gen&amp;der</source>
        <translation>性别(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="163"/>
        <source>Mobile, or area code and number</source>
        <translation>手机号，或区号加座机号</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="169"/>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="181"/>
        <source>T&amp;ownship</source>
        <translation>乡镇村居(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="184"/>
        <source>Street, building, house number</source>
        <translation>街巷、楼栋、门牌号</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="186"/>
        <source>&amp;Address</source>
        <translation>详细地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="191"/>
        <source>&amp;Channel</source>
        <translation>来访方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="196"/>
        <source>Who comes on the visitor&apos;s behalf</source>
        <translation>代为来访的人的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="199"/>
        <source>Pro&amp;xy</source>
        <translation>代理人(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="202"/>
        <source>P&amp;riority</source>
        <translation>优先理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="217"/>
        <source>Matter</source>
        <translation>来访事项</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="222"/>
        <source>P&amp;urpose</source>
        <translation>诉求类别(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="226"/>
        <source>What the visitor asks for, in brief</source>
        <translation>来访人反映的问题和诉求，简要填写</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="229"/>
        <source>&amp;Summary</source>
        <translation>事由摘要(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="233"/>
        <source>What the visitor wants done</source>
        <translation>来访人提出的具体要求</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="235"/>
        <source>Re&amp;quest</source>
        <translation>诉求(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="237"/>
        <source>What happened, as the visitor tells it</source>
        <translation>来访人讲述的经过</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="239"/>
        <source>&amp;Facts</source>
        <translation>事实(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="241"/>
        <source>Why the visitor thinks so</source>
        <translation>来访人提出要求的依据</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="243"/>
        <source>R&amp;easons</source>
        <translation>理由(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="246"/>
        <source>&amp;Litigation-related</source>
        <translation>涉法涉诉(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="248"/>
        <source>Urgen&amp;t</source>
        <translation>紧急(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="249"/>
        <source>Sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="251"/>
        <source>The summary is left off the receipt.</source>
        <translation>凭条上不印事由摘要。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="254"/>
        <source>&amp;Meet the duty leader</source>
        <translation>领导接访(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="261"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="265"/>
        <source>Group and window</source>
        <translation>人数与去往窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="272"/>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="275"/>
        <source>&amp;Group size</source>
        <translation>来访人数(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="283"/>
        <source>Representatives</source>
        <translation>推选代表</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="288"/>
        <source>Choose a window</source>
        <translation>请选择窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="292"/>
        <source>&amp;Window</source>
        <translation>去往窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="306"/>
        <source>A new matter: register it without lin&amp;king</source>
        <translation>确属新的事项，按新事项登记，不关联(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="313"/>
        <source>Issue ticket (F9)</source>
        <translation>发号（F9）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="314"/>
        <source>F9 or Ctrl+Enter</source>
        <translation>F9 或 Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="315"/>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_problems.py" line="24"/>
        <source>Every marked item is corrected: press Issue ticket again.</source>
        <translation>已标红的各处都已改好：请再按“发号”。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_problems.py" line="19"/>
        <source>Please correct the {count} marked item(s); nothing was saved.</source>
        <translation>有 {count} 处需要修改（已标红），本次登记没有保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="486"/>
        <source>Village or community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="497"/>
        <source>A group of {size} elects representatives to speak for it: register them below (at most {count}).</source>
        <translation>{size} 人集体来访，应推选代表反映诉求：请在下面登记代表（不超过 {count} 人）。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="508"/>
        <source>A group raising a common matter elects representatives, at most {count} (Regulations on Letters and Visits, article 18): a further representative cannot be added.</source>
        <translation>多人反映共同诉求，应推选代表，代表人数不超过 {count} 人（《信访工作条例》第十八条），不能再添加代表。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="529"/>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="532"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="545"/>
        <source>Township or street</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_form.py" line="564"/>
        <source>{letter} {name} ({waiting} waiting)</source>
        <translation>{letter} {name}（等候 {waiting} 人）</translation>
    </message>
</context>
<context>
    <name>FrontDeskScreen</name>
    <message>
        <location filename="../../desktop/front_desk.py" line="116"/>
        <source>Find a visitor or a receipt (F2)</source>
        <translation>查找来访人或凭条（F2）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="119"/>
        <source>Name, pinyin initials, ID number or phone; or scan a receipt</source>
        <translation>姓名、拼音首字母、身份证号或电话；或扫描凭条条码</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="137"/>
        <source>Ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="145"/>
        <source>No ticket issued yet.</source>
        <translation>尚未发号。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="160"/>
        <source>Reprint receipt (Ctrl+P)</source>
        <translation>重打凭条（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="162"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="164"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="168"/>
        <source>Save as PDF…</source>
        <translation>存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="195"/>
        <source>Earlier visits</source>
        <translation>来访记录</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="196"/>
        <source>Receipt look-up</source>
        <translation>凭条查询</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="197"/>
        <source>Waiting at each window</source>
        <translation>各窗口等候情况</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="203"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="203"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="203"/>
        <source>Of them priority</source>
        <translation>其中优先</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="203"/>
        <source>Now</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="242"/>
        <source>Leader receiving visitors today: {leader}</source>
        <translation>今日接访领导：{leader}</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="245"/>
        <source>No leader receives visitors today.</source>
        <translation>今日没有安排领导接访。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="316"/>
        <source>Ticket {number} issued to {name}.</source>
        <translation>已为{name}发号：{number}。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="320"/>
        <source> The visit is linked to case {number} as a repeat.</source>
        <translation>本次来访已作为重复件关联到信访事项{number}。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="366"/>
        <source>{name} has been here before with a matter of this kind (see the note above the buttons). Check it, then press Issue ticket again.</source>
        <translation>{name}以前来访过，并有同类事项在案（见按钮上方的提示）。请核对后再按一次发号。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="387"/>
        <location filename="../../desktop/front_desk.py" line="392"/>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="389"/>
        <source>Clear everything typed for this visitor? Nothing is saved; Ctrl+Z brings the form back until the next registration.</source>
        <translation>清空为这位来访人填写的全部内容？内容不会保存；在下一次登记之前，按 Ctrl+Z 可恢复表单。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="399"/>
        <source>Form cleared. Press Ctrl+Z to bring it back.</source>
        <translation>表单已清空。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="409"/>
        <source>The cleared form is back.</source>
        <translation>已恢复清空前的表单。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="421"/>
        <source>Please go to {window} ({location})</source>
        <translation>请到{window}窗口（{location}）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="428"/>
        <source>{count} waiting ahead, about {minutes} minutes&apos; wait</source>
        <translation>前面还有 {count} 人，预计等候约 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="433"/>
        <source>{count} waiting ahead</source>
        <translation>前面还有 {count} 人等候</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="435"/>
        <source>No one ahead</source>
        <translation>前面无人等候，请直接前往</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="439"/>
        <source>Visitor: {name}</source>
        <translation>来访人：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="441"/>
        <source>Priority: {reason}</source>
        <translation>优先：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="489"/>
        <source>That visitor is no longer on record.</source>
        <translation>所选的来访人已不存在，请重新查找。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="555"/>
        <source>Printing the receipt of {number}…</source>
        <translation>正在打印 {number} 的凭条…</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk.py" line="588"/>
        <source>Receipt not printed. {reason} Ctrl+P prints it again.</source>
        <translation>凭条没有打印出来。{reason}按 Ctrl+P 可重新打印。</translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="383"/>
        <source>Scan a receipt&apos;s barcode, or type its query code, into the search box and press Enter.</source>
        <translation>在查找框中扫描凭条条码，或输入凭条上的查询码，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="395"/>
        <source>Visit</source>
        <translation>来访登记</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="396"/>
        <source>Visitor</source>
        <translation>来访人</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="397"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="399"/>
        <source>Group</source>
        <translation>集体来访</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="400"/>
        <source>Ticket</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="401"/>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="402"/>
        <source>Case</source>
        <translation>信访事项</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="416"/>
        <source>Reprint receipt</source>
        <translation>重打凭条</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="446"/>
        <source>Receipt {code} (query code {query}).</source>
        <translation>凭条 {code}（查询码 {query}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="451"/>
        <source>{code}, registered {time}, {channel}</source>
        <translation>{code}，{time} 登记，{channel}</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="457"/>
        <source>(accusation: confidential)</source>
        <translation>（检举控告件，内容保密）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="462"/>
        <source>{size} people; representatives: {names}</source>
        <translation>{size} 人；推选代表：{names}</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="468"/>
        <source>No ticket</source>
        <translation>没有号票</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="472"/>
        <source>{number}, {window} ({location})</source>
        <translation>{number}，{window}（{location}）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="480"/>
        <source>{status} (a ticket of {date})</source>
        <translation>{status}（{date} 的号票）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="487"/>
        <source>{status}, {count} waiting ahead, about {minutes} minutes&apos; wait</source>
        <translation>{status}，前面还有 {count} 人，预计等候约 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="494"/>
        <source>{status}, next to be called</source>
        <translation>{status}，下一位就叫到</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="498"/>
        <source>Not registered as a case</source>
        <translation>未登记为信访事项</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="501"/>
        <source>{number} ({state}, linked as a repeat visit)</source>
        <translation>{number}（{state}，本次来访作为重复件关联）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="503"/>
        <source>{number} ({state})</source>
        <translation>{number}（{state}）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="506"/>
        <source>, due {date}</source>
        <translation>，期限至 {date}</translation>
    </message>
</context>
<context>
    <name>ReceiptOutput</name>
    <message>
        <location filename="../../desktop/receipt_print.py" line="175"/>
        <location filename="../../desktop/receipt_print.py" line="306"/>
        <source>Receipt saved as {path}.</source>
        <translation>凭条已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="182"/>
        <source>Receipt printed on {printer}.</source>
        <translation>凭条已在打印机“{printer}”上打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="221"/>
        <source>Receipt printed on the thermal printer at {target}.</source>
        <translation>凭条已在小票打印机（{target}）上打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="254"/>
        <source>Receipt {number}: print preview</source>
        <translation>凭条 {number}：打印预览</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="264"/>
        <source>Print receipt {number}</source>
        <translation>打印凭条 {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="272"/>
        <source>Receipt {number} printed.</source>
        <translation>凭条 {number} 已打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="286"/>
        <source>Save receipt {number} as PDF</source>
        <translation>把凭条 {number} 保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="290"/>
        <source>receipt-{number}-{code}.pdf</source>
        <translation>凭条-{number}-{code}.pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="294"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <location filename="../../desktop/receipt_print.py" line="57"/>
        <source> The ticket is issued all the same; its receipt can be printed again.</source>
        <translation>号票已发出，不受影响，可以重新打印凭条。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="73"/>
        <source>The receipt could not be laid out ({error}).</source>
        <translation>凭条无法排版（{error}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="90"/>
        <source>{printer} could not start printing.</source>
        <translation>{printer}无法开始打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="97"/>
        <source>{printer} could not go on to the next page.</source>
        <translation>{printer}无法换页。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="109"/>
        <source>{printer} did not finish printing.</source>
        <translation>{printer}没有完成打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="116"/>
        <source>The PDF file “{path}”</source>
        <translation>PDF 文件“{path}”</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="119"/>
        <source>The printer “{name}”</source>
        <translation>打印机“{name}”</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="134"/>
        <source>There is no printer “{name}”: check that it is installed and that its name is the one in this workstation&apos;s settings.</source>
        <translation>找不到打印机“{name}”：请检查打印机是否已安装、名称是否与本机设置一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="142"/>
        <source>This computer has no printer: install one, or ask the administrator to send this workstation&apos;s receipts to a thermal printer or to PDF files.</source>
        <translation>本机没有可用的打印机：请安装打印机，或请管理员把本机凭条改为小票打印机或只存 PDF。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="193"/>
        <source>The receipts folder “{folder}” cannot be made: {reason}.</source>
        <translation>无法创建凭条文件夹“{folder}”：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop/receipt_print.py" line="206"/>
        <source>This workstation prints receipts on a thermal printer but has no address for it: ask the administrator to enter it in this workstation&apos;s settings.</source>
        <translation>本机选用了小票打印机，但没有设置它的地址：请管理员在本机设置中填写。</translation>
    </message>
</context>
<context>
    <name>RepresentativesEditor</name>
    <message>
        <location filename="../../desktop/front_desk_representatives.py" line="22"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_representatives.py" line="22"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_representatives.py" line="22"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_representatives.py" line="28"/>
        <source>Add a representative</source>
        <translation>添加代表</translation>
    </message>
</context>
<context>
    <name>ReturningVisitorForm</name>
    <message>
        <location filename="../../desktop/front_desk_returning.py" line="86"/>
        <source>On file: {value} (leave empty to keep)</source>
        <translation>已登记：{value}（不变可留空）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_returning.py" line="95"/>
        <source>Returning visitor: {name} ({details}); {count} earlier visit(s).</source>
        <translation>回访人：{name}（{details}），以前来访 {count} 次。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_returning.py" line="143"/>
        <source>{name}&apos;s case {number} ({state}) of this kind stays open until {date}; registered as a new matter, this visit is not linked to it.</source>
        <translation>{name}的同类信访事项{number}（{state}）在 {date} 前仍在办理期内；本次按新事项登记，不关联到该事项。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_returning.py" line="151"/>
        <source>Repeat visit: {name}&apos;s case {number} ({state}) of this kind is open until {date}. This visit will be linked to it, not registered as a new matter.</source>
        <translation>重复来访：{name}的同类信访事项{number}（{state}）在 {date} 前仍在办理期内。本次来访将关联到该事项，不作为新事项重复登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_returning.py" line="161"/>
        <source> The visit may still be registered, so that it can be explained.</source>
        <translation>本次来访仍可登记，以便向来访人解释说明。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_returning.py" line="192"/>
        <source>a repeat of case {number}, which this window follows up</source>
        <translation>系信访事项{number}的重复来访，由办理该事项的窗口接待</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_returning.py" line="200"/>
        <source>Suggested: {reason}</source>
        <translation>建议：{reason}</translation>
    </message>
</context>
<context>
    <name>VisitorPanel</name>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="202"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="203"/>
        <source>Purpose</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="204"/>
        <source>Summary</source>
        <translation>事由摘要</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="205"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="206"/>
        <source>Tickets</source>
        <translation>号票</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="207"/>
        <source>Query code</source>
        <translation>查询码</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="220"/>
        <source>Reprint this visit&apos;s receipt</source>
        <translation>重打这次来访的凭条</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="243"/>
        <source>Type a name, its pinyin initials, an ID number or a phone number to find earlier visitors.</source>
        <translation>输入姓名、拼音首字母、身份证号或电话号码，查找以前来访过的人。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="263"/>
        <source>{count} earlier visitor(s) match “{text}”: Enter picks one.</source>
        <translation>按“{text}”查到 {count} 位来访过的人，选中后按回车选用。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="270"/>
        <source>No earlier visitor matches “{text}”: a first visit.</source>
        <translation>按“{text}”没有查到以前的来访人：初次来访。</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="284"/>
        <source>no visits on record</source>
        <translation>没有来访记录</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="286"/>
        <source>{count} visit(s), last on {date}</source>
        <translation>来访 {count} 次，最近一次 {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="307"/>
        <source>Earlier visits of {name} ({count})</source>
        <translation>{name}的来访记录（{count} 次）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="322"/>
        <source>(accusation: confidential)</source>
        <translation>（检举控告件，内容保密）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="337"/>
        <source>, overdue</source>
        <translation>，已超期</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="340"/>
        <source>Open case {number} ({purpose}, {state}, open until {date})</source>
        <translation>在办信访事项{number}（{purpose}，{state}，办理期至 {date}）</translation>
    </message>
    <message>
        <location filename="../../desktop/front_desk_visitors.py" line="351"/>
        <source>Finally closed {number} ({purpose}): not accepted again</source>
        <translation>已三级终结{number}（{purpose}）：不再受理</translation>
    </message>
</context>
</TS>
