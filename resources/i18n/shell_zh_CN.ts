<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallingDisplay</name>
    <message>
        <location filename="../../desktop/display.py" line="176"/>
        <source>Calling display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="334"/>
        <source>Connection lost, reconnecting…</source>
        <translation>连接中断，正在重新连接…</translation>
    </message>
</context>
<context>
    <name>LiveFeed</name>
    <message>
        <location filename="../../desktop/live.py" line="262"/>
        <source>Lost the connection to the database ({reason}). Retrying every {seconds} seconds; what you have typed is kept.</source>
        <translation>与数据库的连接已中断（{reason}）。每 {seconds} 秒自动重试；已输入的内容不会丢失。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login.py" line="37"/>
        <location filename="../../desktop/login.py" line="73"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="66"/>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="67"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="75"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="93"/>
        <source>Please enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="103"/>
        <source>Cannot reach the database: {reason}</source>
        <translation>无法连接数据库：{reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="165"/>
        <source>Your account has no role that this program serves yet. Ask the administrator to give you one.</source>
        <translation>您的账号还没有可用的角色，请联系管理员分配。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="232"/>
        <source>Front desk</source>
        <translation>导访台</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="250"/>
        <source>Today&apos;s figures</source>
        <translation>今日概况</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="265"/>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="266"/>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="270"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="275"/>
        <source>Calling &amp;display</source>
        <translation>叫号屏(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="279"/>
        <source>Open on screen {number} ({name}, {width}×{height})</source>
        <translation>在屏幕 {number} 上打开（{name}，{width}×{height}）</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="293"/>
        <source>{name} ({roles})</source>
        <translation>{name}（{roles}）</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../../desktop/display.py" line="141"/>
        <source>Recent calls</source>
        <translation>最近呼叫</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="40"/>
        <source>First start: set up the hall</source>
        <translation>首次启动：设置大厅</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="45"/>
        <source>This database has not been set up yet. Enter the hall&apos;s name and codes and the administrator&apos;s account; the administrator then adds the other users.</source>
        <translation>这个数据库尚未设置。请填写大厅名称、代码和管理员账号；其他用户由管理员登录后添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="56"/>
        <source>&amp;Hall name:</source>
        <translation>大厅名称(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="56"/>
        <source>e.g. Yima City Mass Work Department</source>
        <translation>如：义马市群众工作部接待大厅</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="57"/>
        <source>&amp;City code:</source>
        <translation>行政区划代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="57"/>
        <source>6-digit division code, e.g. 411281</source>
        <translation>6 位数字，如 411281</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="58"/>
        <source>C&amp;ourt code:</source>
        <translation>法院代字(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="58"/>
        <source>as in case numbers, e.g. 豫1281</source>
        <translation>案号中使用，如 豫1281</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="59"/>
        <source>Administrator &amp;login:</source>
        <translation>管理员登录名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="60"/>
        <source>Administrator &amp;name:</source>
        <translation>管理员姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="61"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="61"/>
        <source>at least 6 characters</source>
        <translation>至少 6 位</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="62"/>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="94"/>
        <source>Set up</source>
        <translation>完成设置</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="95"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="111"/>
        <source>The two passwords differ. Please type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="132"/>
        <source>The database refused to save the set-up: {reason}</source>
        <translation>数据库未能保存设置：{reason}</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../desktop/app.py" line="100"/>
        <source>(not a database address)</source>
        <translation>（不是有效的数据库地址）</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="101"/>
        <source>Cannot open the database {where}.

Reason: {reason}

Check that the database server is running and reachable from this computer. The database address can be changed in this workstation&apos;s settings (or given with --db when starting the program).</source>
        <translation>无法打开数据库 {where}。

原因：{reason}

请检查数据库服务器是否已启动、本机能否连到它。数据库地址可以在本机的工作站设置中更改（也可在启动程序时用 --db 指定）。</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="160"/>
        <source>Cannot start</source>
        <translation>无法启动</translation>
    </message>
</context>
<context>
    <name>TodayFigures</name>
    <message>
        <location filename="../../desktop/main_window.py" line="57"/>
        <source>Today&apos;s figures</source>
        <translation>今日概况</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="67"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="68"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="69"/>
        <source>Of them with priority</source>
        <translation>其中优先</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="70"/>
        <source>Served</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="71"/>
        <source>At the window now</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="111"/>
        <source>Today: {waiting} waiting, {served} served.</source>
        <translation>今日：等候 {waiting} 人，已办结 {served} 人。</translation>
    </message>
</context>
<context>
    <name>WindowTile</name>
    <message>
        <location filename="../../desktop/display.py" line="114"/>
        <source>Waiting: {count}</source>
        <translation>等候 {count} 人</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="125"/>
        <source>Seat {seat}</source>
        <translation>{seat} 号座</translation>
    </message>
</context>
</TS>
