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
        <location filename="../../desktop/admin_windows.py" line="24"/>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="25"/>
        <source>Topics and aid kinds</source>
        <translation>议题与救助类别</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="26"/>
        <source>Who serves which window</source>
        <translation>窗口人员分配</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="45"/>
        <source>Service windows: units, lists, staff</source>
        <translation>服务窗口：责任单位、列表、人员</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="57"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/admin_windows.py" line="59"/>
        <source>Service &amp;windows: units, lists, staff…</source>
        <translation>服务窗口设置(&amp;W)：责任单位、列表、人员…</translation>
    </message>
</context>
</TS>
