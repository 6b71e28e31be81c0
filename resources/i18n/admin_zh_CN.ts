<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../../desktop/admin_lists.py" line="40"/>
        <source>The entry&apos;s name as the forms show it</source>
        <translation>表单中显示的名称</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="41"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="43"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="45"/>
        <location filename="../../desktop/admin_lists.py" line="118"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="47"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="49"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="56"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="94"/>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="118"/>
        <source>Bring back</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="136"/>
        <source>{name} added.</source>
        <translation>已添加“{name}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="146"/>
        <source>Renamed to {name}.</source>
        <translation>已改名为“{name}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="155"/>
        <source>{name} is retired: the forms no longer offer it.</source>
        <translation>“{name}”已停用，表单中不再提供。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="157"/>
        <source>{name} is offered again.</source>
        <translation>“{name}”已恢复使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_lists.py" line="166"/>
        <source>Moved.</source>
        <translation>已调整顺序。</translation>
    </message>
</context>
<context>
    <name>QueueAdminScreen</name>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="421"/>
        <source>Appointment slots</source>
        <translation>预约时段</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="422"/>
        <source>Service-level targets</source>
        <translation>叫号服务时限</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="423"/>
        <source>Leaders&apos; duty roster</source>
        <translation>领导接访排班</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="432"/>
        <source>Appointments, service levels and the duty roster</source>
        <translation>预约时段、叫号服务时限与领导接访排班</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="444"/>
        <source>&amp;Appointments, service levels, duty roster…</source>
        <translation>预约时段、服务时限与接访排班(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="296"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="296"/>
        <source>Leader</source>
        <translation>接访领导</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="296"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="297"/>
        <source>In charge of</source>
        <translation>分管工作</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="307"/>
        <source>e.g. 信访、城建</source>
        <translation>如：信访、城建</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="309"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="310"/>
        <source>&amp;Leader</source>
        <translation>接访领导(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="311"/>
        <source>&amp;Post</source>
        <translation>职务(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="312"/>
        <source>In &amp;charge of</source>
        <translation>分管工作(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="313"/>
        <source>&amp;Save the day</source>
        <translation>保存该日排班(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="315"/>
        <source>&amp;Take the day off the roster</source>
        <translation>删除该日排班(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="318"/>
        <source>&amp;Print roster…</source>
        <translation>打印排班表(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="320"/>
        <source>Save roster as P&amp;DF…</source>
        <translation>排班表另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="323"/>
        <source>The roster is shown on every calling display and can be printed on A4.</source>
        <translation>排班表在各叫号屏上公布，并可用 A4 纸打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="380"/>
        <source>{day}: {name} receives visitors.</source>
        <translation>{day}：由{name}接访。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="391"/>
        <source>Take the day off the roster</source>
        <translation>删除该日排班</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="393"/>
        <source>Take {day} off the roster? No leader&apos;s slot can be booked for it any more; bookings already made stand.</source>
        <translation>删除 {day} 的排班？该日将不能再预约领导接访；已有的预约仍然有效。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="396"/>
        <source>Take the day off</source>
        <translation>删除排班</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="406"/>
        <source>{day} is off the roster.</source>
        <translation>已删除 {day} 的排班。</translation>
    </message>
</context>
<context>
    <name>SlotsPage</name>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="81"/>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="81"/>
        <source>Queues at</source>
        <translation>排队窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="81"/>
        <location filename="../../desktop/admin_appointments.py" line="115"/>
        <source>Capacity</source>
        <translation>可约人数</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="81"/>
        <source>Booked today</source>
        <translation>今日已约</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="92"/>
        <source>For the leader&apos;s reception (领导接访)</source>
        <translation>领导接访时段</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="100"/>
        <source>&amp;Add slot</source>
        <translation>新增时段(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="102"/>
        <source>Set &amp;capacity of the chosen slot</source>
        <translation>修改所选时段的可约人数(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="104"/>
        <source>&amp;Remove the chosen slot</source>
        <translation>删除所选时段(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="107"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="114"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="123"/>
        <source>A slot is offered every day. A leader&apos;s slot is booked only on days with a leader on the roster, and its visitors queue at the window chosen.</source>
        <translation>每个时段每天开放。领导接访时段只在排班表上有领导的日子可约，预约人到所选窗口排队。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="170"/>
        <source>Added: {slot}.</source>
        <translation>已新增：{slot}。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="186"/>
        <source>{slot}: {capacity} places from now on.</source>
        <translation>{slot}：今后每天可约 {capacity} 人。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="197"/>
        <location filename="../../desktop/admin_appointments.py" line="202"/>
        <source>Remove slot</source>
        <translation>删除时段</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="199"/>
        <source>Offer {slot} no more? Bookings already made for it stand and are checked in as usual.</source>
        <translation>不再开放“{slot}”？已有的预约仍然有效，照常签到。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="212"/>
        <source>{slot} removed.</source>
        <translation>已删除“{slot}”。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../desktop/admin_staff.py" line="42"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_staff.py" line="42"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_staff.py" line="42"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_staff.py" line="31"/>
        <source>Tick the windows each officer or clerk may serve; each tick is saved at once.</source>
        <translation>勾选每位工作人员或书记员可以办理的窗口；每次勾选立即保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_staff.py" line="116"/>
        <source>{name} serves: {windows}.</source>
        <translation>{name}可办理：{windows}。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_staff.py" line="117"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="229"/>
        <location filename="../../desktop/admin_appointments.py" line="264"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="231"/>
        <source>Whole hall</source>
        <translation>全大厅</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="233"/>
        <source>&amp;Save targets</source>
        <translation>保存服务时限(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="237"/>
        <source>A visitor called within this many minutes of taking a number counts as called in time on the leader&apos;s screen. 0 for a window: the whole hall&apos;s target.</source>
        <translation>取号后在此分钟数内被叫号，领导的概况页即计为按时叫号。窗口填 0 表示按全大厅的时限。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="265"/>
        <source>as the hall</source>
        <translation>按全大厅</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_appointments.py" line="282"/>
        <source>Targets saved; the leaders&apos; screens follow them now.</source>
        <translation>服务时限已保存，领导概况页即按新时限统计。</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <location filename="../../desktop/admin_units.py" line="40"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="40"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="40"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="40"/>
        <source>In use</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="56"/>
        <source>Office, person and phone to contact</source>
        <translation>联系科室、联系人和电话</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="57"/>
        <source>Add as a new unit</source>
        <translation>作为新单位添加</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="59"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="61"/>
        <location filename="../../desktop/admin_units.py" line="119"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="72"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="73"/>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="74"/>
        <source>&amp;Contact</source>
        <translation>联系方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="94"/>
        <source>yes</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="94"/>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="119"/>
        <source>Bring back into use</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="141"/>
        <source>{name} added.</source>
        <translation>已添加“{name}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="151"/>
        <source>Changes saved.</source>
        <translation>修改已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="161"/>
        <source>{name} is in use again.</source>
        <translation>“{name}”已恢复使用。</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_units.py" line="163"/>
        <source>{name} is retired: no longer offered.</source>
        <translation>“{name}”已停用，不再供选择。</translation>
    </message>
</context>
<context>
    <name>WindowsAdminScreen</name>
    <message>
        <location filename="../../desktop/admin_windows.py" line="25"/>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="26"/>
        <source>Topics and aid kinds</source>
        <translation>议题与救助类别</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="27"/>
        <source>Who serves which window</source>
        <translation>窗口人员分配</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="46"/>
        <source>Service windows: units, lists, staff</source>
        <translation>服务窗口：责任单位、列表、人员</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="58"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="60"/>
        <source>Service &amp;windows: units, lists, staff…</source>
        <translation>服务窗口设置(&amp;W)：责任单位、列表、人员…</translation>
    </message>
</context>
</TS>
