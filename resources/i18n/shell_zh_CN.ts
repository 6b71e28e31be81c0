<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallingDisplay</name>
    <message>
        <location filename="../../desktop/display.py" line="347"/>
        <source>Calling display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="450"/>
        <source>Leader receiving visitors today: {name} {title}</source>
        <translation>今日接访领导：{name} {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="595"/>
        <source>Connection lost, reconnecting…</source>
        <translation>连接中断，正在重新连接…</translation>
    </message>
</context>
<context>
    <name>HallDisplaySettingsDialog</name>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="37"/>
        <source>Calling display settings for the whole hall</source>
        <translation>全大厅叫号屏设置</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="43"/>
        <source>{number}: the ticket number; {window}: the window&apos;s name; {location}: where it is</source>
        <translation>{number}：票号；{window}：窗口名称；{location}：窗口位置</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="46"/>
        <source>&amp;Listen</source>
        <translation>试听(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="51"/>
        <source>&amp;Announcement</source>
        <translation>叫号播报语(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="55"/>
        <source>Sounds like</source>
        <translation>播报效果</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="58"/>
        <source>Scrolls along the foot of every display</source>
        <translation>在每块叫号屏底部滚动显示</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="60"/>
        <source>&amp;Notice</source>
        <translation>滚动通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="63"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="64"/>
        <source>never (release by hand)</source>
        <translation>不自动退回（由管理员手工退回）</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="65"/>
        <source>Unanswered call goes back to the queue after</source>
        <translation>叫号后无人办理，自动退回队列的时限</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="109"/>
        <source>The announcement can use {{number}}, {{window}} and {{location}} only; not: {unknown}</source>
        <translation>播报语只能使用 {{number}}、{{window}} 和 {{location}}，不能使用：{unknown}</translation>
    </message>
    <message>
        <location filename="../../desktop/display_settings_page.py" line="113"/>
        <source>The announcement cannot be empty.</source>
        <translation>播报语不能为空。</translation>
    </message>
</context>
<context>
    <name>LedgerImportScreen</name>
    <message>
        <location filename="../../desktop/ledger_import.py" line="73"/>
        <location filename="../../desktop/ledger_import.py" line="75"/>
        <source>Import a ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="82"/>
        <source>Every row is checked before anything is written: with any problem nothing is imported, and rows imported before are not imported again.</source>
        <translation>导入前逐行检查：只要有一处问题就不导入任何记录；以前已导入的行不会重复导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="92"/>
        <source>Download the template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="96"/>
        <source>An .xlsx file, or a .csv in UTF-8 or GB18030</source>
        <translation>.xlsx 文件，或 UTF-8、GB18030 编码的 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="97"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="99"/>
        <source>Check (dry run)</source>
        <translation>预检</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="101"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="103"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="107"/>
        <source>%v of %m rows</source>
        <translation>%v / %m 行</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="113"/>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="117"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="130"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="130"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="130"/>
        <source>What is wrong</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="130"/>
        <source>How to fix it</source>
        <translation>修改方法</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="133"/>
        <source>Save the problems as Excel…</source>
        <translation>导出问题清单…</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="140"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="140"/>
        <source>How many</source>
        <translation>条数</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="204"/>
        <source>Choose the ledger file</source>
        <translation>选择台账文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="206"/>
        <source>Ledgers ({extensions})</source>
        <translation>台账文件 ({extensions})</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="221"/>
        <source>Press Check to see what the file would create.</source>
        <translation>请按“预检”查看这个文件将导入哪些记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="232"/>
        <source>The file could not be read ({reason}): choose it again.</source>
        <translation>无法读取文件（{reason}）：请重新选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="250"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="261"/>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="261"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="330"/>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="332"/>
        <location filename="../../desktop/ledger_import.py" line="351"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="349"/>
        <source>Save the problems</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="371"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="389"/>
        <source>&amp;Ledgers</source>
        <translation>台账(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ledger_import.py" line="390"/>
        <source>&amp;Import a ledger…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login.py" line="36"/>
        <location filename="../../desktop/login.py" line="72"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="65"/>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="66"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="74"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/login.py" line="97"/>
        <source>Please enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="288"/>
        <source>Your account has no role that this program serves yet. Ask the administrator to give you one.</source>
        <translation>您的账号还没有可用的角色，请联系管理员分配。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="371"/>
        <source>Front desk</source>
        <translation>导访台</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="389"/>
        <source>Today&apos;s figures</source>
        <translation>今日概况</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="420"/>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="421"/>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="426"/>
        <source>&amp;Workstation settings…</source>
        <translation>本机设置(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="429"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="437"/>
        <source>Calling &amp;display</source>
        <translation>叫号屏(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="441"/>
        <source>Open on screen {number} ({name}, {width}×{height})</source>
        <translation>在屏幕 {number} 上打开（{name}，{width}×{height}）</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="453"/>
        <source>What the displays say and show (whole hall)…</source>
        <translation>叫号屏播报与通知（全大厅）…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="492"/>
        <source>Database on this computer</source>
        <translation>本机数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="493"/>
        <source>Database: {host}</source>
        <translation>数据库：{host}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="502"/>
        <source>{name} ({roles})</source>
        <translation>{name}（{roles}）</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <location filename="../../desktop/display.py" line="188"/>
        <source>Recent calls</source>
        <translation>最近呼叫</translation>
    </message>
</context>
<context>
    <name>RosterBand</name>
    <message>
        <location filename="../../desktop/display.py" line="274"/>
        <source>Leaders receiving visitors</source>
        <translation>领导接访安排</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="307"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="315"/>
        <source>{post}, in charge of {portfolio}</source>
        <translation>{post} · 分管{portfolio}</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="310"/>
        <source>M/d dddd</source>
        <translation>M月d日 dddd</translation>
    </message>
</context>
<context>
    <name>RosterPaper</name>
    <message>
        <location filename="../../desktop/roster_paper.py" line="48"/>
        <source>Save the duty roster as PDF</source>
        <translation>领导接访排班表另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_paper.py" line="51"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_paper.py" line="63"/>
        <source>The duty roster was saved as {path}.</source>
        <translation>排班表已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_paper.py" line="69"/>
        <source>Print the duty roster</source>
        <translation>打印领导接访排班表</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_paper.py" line="85"/>
        <source>The duty roster was sent to the printer.</source>
        <translation>排班表已送往打印机。</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_paper.py" line="89"/>
        <source>The printer did not take the duty roster. Check that it is switched on and has paper, then print again, or save the roster as PDF.</source>
        <translation>打印机没有接收排班表。请检查打印机是否开机、有纸，然后重新打印，或另存为 PDF。</translation>
    </message>
</context>
<context>
    <name>ServiceLevelPanel</name>
    <message>
        <location filename="../../desktop/service_level.py" line="30"/>
        <source>Called within the target today</source>
        <translation>今日按时叫号率</translation>
    </message>
    <message>
        <location filename="../../desktop/service_level.py" line="33"/>
        <source>The share of today&apos;s calls made within the window&apos;s service-level target (minutes from taking a number to being called); the administrator sets the targets.</source>
        <translation>今日叫号中在本窗口服务时限内（取号到叫号的分钟数）叫到的比例；服务时限由管理员设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/service_level.py" line="78"/>
        <source>Called within {target} minutes of taking a number</source>
        <translation>取号后 {target} 分钟内叫号</translation>
    </message>
    <message>
        <location filename="../../desktop/service_level.py" line="90"/>
        <source>{window}: {share} ({within}/{called})</source>
        <translation>{window}：{share}（{within}/{called}）</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="38"/>
        <source>First start: set up the hall</source>
        <translation>首次启动：设置大厅</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="43"/>
        <source>This database has not been set up yet. Enter the hall&apos;s name and codes and the administrator&apos;s account; the administrator then adds the other users.</source>
        <translation>这个数据库尚未设置。请填写大厅名称、代码和管理员账号；其他用户由管理员登录后添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="54"/>
        <source>&amp;Hall name:</source>
        <translation>大厅名称(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="54"/>
        <source>e.g. Yima City Mass Work Department</source>
        <translation>如：义马市群众工作部接待大厅</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="55"/>
        <source>&amp;City code:</source>
        <translation>行政区划代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="55"/>
        <source>6-digit division code, e.g. 411281</source>
        <translation>6 位数字，如 411281</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="56"/>
        <source>C&amp;ourt code:</source>
        <translation>法院代字(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="56"/>
        <source>as in case numbers, e.g. 豫1281</source>
        <translation>案号中使用，如 豫1281</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="57"/>
        <source>Administrator &amp;login:</source>
        <translation>管理员登录名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="58"/>
        <source>Administrator &amp;name:</source>
        <translation>管理员姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="59"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="59"/>
        <source>at least 6 characters</source>
        <translation>至少 6 位</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="60"/>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="92"/>
        <source>Set up</source>
        <translation>完成设置</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="93"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="109"/>
        <source>The two passwords differ. Please type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../desktop/app.py" line="111"/>
        <source>(not a database address)</source>
        <translation>（不是有效的数据库地址）</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="114"/>
        <source>Cannot open the database {where}.

Reason: {reason}

Check that the database server is running and reachable from this computer. The database address can be changed in this workstation&apos;s settings (or given with --db when starting the program).</source>
        <translation>无法打开数据库 {where}。

原因：{reason}

请检查数据库服务器是否已启动、本机能否连到它。数据库地址可以在本机的工作站设置中更改（也可在启动程序时用 --db 指定）。</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="188"/>
        <source>Cannot start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="194"/>
        <source>Workstation settings…</source>
        <translation>本机设置…</translation>
    </message>
</context>
<context>
    <name>TodayFigures</name>
    <message>
        <location filename="../../desktop/main_window.py" line="84"/>
        <source>Today&apos;s figures</source>
        <translation>今日概况</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="94"/>
        <location filename="../../desktop/main_window.py" line="121"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="95"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="96"/>
        <source>Of them with priority</source>
        <translation>其中优先</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="97"/>
        <source>Served</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="98"/>
        <source>At the window now</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="121"/>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="121"/>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="121"/>
        <source>Called at</source>
        <translation>叫号时间</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="128"/>
        <source>&amp;Put back in the queue</source>
        <translation>退回队列(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="131"/>
        <source>For a call nobody answers because the workstation that made it has gone: the visitor waits again at their old place</source>
        <translation>用于叫号后叫号的工作站已失联、无人办理的情况：来访人回到原来的排队位置</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="141"/>
        <source>Calls not yet answered</source>
        <translation>已叫号、尚未办理</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182"/>
        <source>Today: {waiting} waiting, {served} served.</source>
        <translation>今日：等候 {waiting} 人，已办结 {served} 人。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="209"/>
        <source>Choose the call to put back first.</source>
        <translation>请先选择要退回队列的叫号。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="216"/>
        <source>{number} waits again at its place in the queue.</source>
        <translation>{number} 号已退回队列原位等候。</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <location filename="../../desktop/voice.py" line="64"/>
        <source>The speech engine &quot;{engine}&quot; is not installed on this computer: calls are shown without being read out.</source>
        <translation>本机没有安装语音引擎“{engine}”：叫号只显示，不播报。</translation>
    </message>
    <message>
        <location filename="../../desktop/voice.py" line="70"/>
        <source>This computer has no speech engine: calls are shown without being read out.</source>
        <translation>本机没有语音引擎：叫号只显示，不播报。</translation>
    </message>
    <message>
        <location filename="../../desktop/voice.py" line="83"/>
        <source>The speech engine has no Mandarin voice: calls are read out with its default voice. Install a Chinese voice on this computer.</source>
        <translation>语音引擎没有普通话语音，叫号用默认语音播报。请在本机安装中文语音。</translation>
    </message>
    <message>
        <location filename="../../desktop/voice.py" line="113"/>
        <source>The speech engine could not start: calls are shown without being read out. Ask the administrator to check this computer&apos;s speech service and restart the display.</source>
        <translation>语音引擎无法启动：叫号只显示，不播报。请管理员检查本机的语音服务，然后重新打开叫号屏。</translation>
    </message>
</context>
<context>
    <name>WindowTile</name>
    <message>
        <location filename="../../desktop/display.py" line="155"/>
        <source>Waiting: {count}</source>
        <translation>等候 {count} 人</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="157"/>
        <source>New number: no wait</source>
        <translation>新取号无需等候</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="160"/>
        <source>New number: about {minutes} min</source>
        <translation>新取号约等 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/display.py" line="172"/>
        <source>Seat {seat}</source>
        <translation>{seat} 号座</translation>
    </message>
</context>
<context>
    <name>WorkstationSettings</name>
    <message>
        <location filename="../../desktop/connection_check.py" line="40"/>
        <source>This is not a database address. A PostgreSQL address looks like postgresql://user:password@server:5432/hall; leave the field empty for the database on this computer.</source>
        <translation>这不是有效的数据库地址。PostgreSQL 地址形如 postgresql://用户名:密码@服务器:5432/hall；使用本机内置数据库请留空。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="47"/>
        <source>The program works with PostgreSQL (&quot;postgresql://…&quot;) or a database file on this computer (&quot;sqlite:///…&quot;), not with &quot;{kind}&quot;.</source>
        <translation>本程序只支持 PostgreSQL（“postgresql://…”）或本机数据库文件（“sqlite:///…”），不支持“{kind}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="53"/>
        <source>An in-memory database keeps nothing: give a file, as sqlite:///path/hall.db.</source>
        <translation>内存数据库不保存任何内容：请指定一个文件，如 sqlite:///路径/hall.db。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="58"/>
        <source>The folder {folder} does not exist on this computer.</source>
        <translation>本机没有文件夹 {folder}。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="62"/>
        <source>There is no database file at {path} yet: the program creates it at the first start.</source>
        <translation>{path} 还没有数据库文件：程序首次启动时会创建。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="73"/>
        <source>The server {where} refused the connection: no database server is running there, or it listens on another port. Check the server name and port, and that the database service is started.</source>
        <translation>服务器 {where} 拒绝连接：那里没有运行数据库服务，或者端口不对。请检查服务器名称和端口，并确认数据库服务已启动。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="80"/>
        <source>There is no computer named &quot;{host}&quot; on the network: check the server name or use its IP address.</source>
        <translation>网络上找不到名为“{host}”的计算机：请检查服务器名称，或改用 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="86"/>
        <source>The server {where} did not answer within {seconds} seconds: it is switched off, the network is down, or a firewall blocks port {port}.</source>
        <translation>服务器 {where} 在 {seconds} 秒内没有应答：服务器可能已关机、网络不通，或防火墙挡住了 {port} 端口。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="92"/>
        <source>The server {where} refused the user name or password (&quot;{user}&quot;): check them.</source>
        <translation>服务器 {where} 不接受用户名或密码（“{user}”）：请核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="97"/>
        <source>The server {where} has no user &quot;{user}&quot;.</source>
        <translation>服务器 {where} 上没有用户“{user}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="101"/>
        <source>The server {where} has no database named &quot;{name}&quot;: check the name, or ask the administrator to create it.</source>
        <translation>服务器 {where} 上没有名为“{name}”的数据库：请核对名称，或请管理员创建。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="107"/>
        <source>The server {where} is not accepting connections at the moment (it is starting, stopping or closed for maintenance): try again shortly.</source>
        <translation>服务器 {where} 暂时不接受连接（正在启动、关闭或维护中）：请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="113"/>
        <source>Cannot connect to {where}: {reason}</source>
        <translation>无法连接 {where}：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="123"/>
        <source>Connected. The database is empty: the program sets the hall up in it at the first start.</source>
        <translation>连接成功。数据库是空的：程序首次启动时会在其中建立大厅。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="129"/>
        <source>Connected, but the database was made by a newer version of the program: install that version on this computer.</source>
        <translation>连接成功，但这个数据库由更新版本的程序建立：请在本机安装该版本。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="135"/>
        <source>Connected. The database is from an earlier version of the program and is brought up to date when the program starts.</source>
        <translation>连接成功。数据库来自较早版本的程序，程序启动时会自动升级。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="141"/>
        <source>Connected. The hall&apos;s database is ready ({count} windows).</source>
        <translation>连接成功。大厅数据库可以使用（{count} 个窗口）。</translation>
    </message>
    <message>
        <location filename="../../desktop/connection_check.py" line="144"/>
        <source>Cannot use this database: {reason}</source>
        <translation>无法使用这个数据库：{reason}</translation>
    </message>
</context>
<context>
    <name>WorkstationSettingsDialog</name>
    <message>
        <location filename="../../desktop/settings_page.py" line="61"/>
        <source>Workstation settings</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="79"/>
        <source>These settings belong to this computer. A new database address takes effect when the program starts again.</source>
        <translation>这些设置只属于本机。更改数据库地址后，重新启动程序才生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="100"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="104"/>
        <source>Empty: the database on this computer. A hall: postgresql://user@server/hall</source>
        <translation>留空：使用本机内置数据库。大厅联网：postgresql://用户名@服务器/hall</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="109"/>
        <source>If the server asks for one</source>
        <translation>服务器要求时填写</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="111"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="113"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="117"/>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="128"/>
        <source>This computer</source>
        <translation>本机用途</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="132"/>
        <source>Front desk</source>
        <translation>导访台</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="133"/>
        <source>A window&apos;s workstation</source>
        <translation>窗口工作站</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="134"/>
        <location filename="../../desktop/settings_page.py" line="177"/>
        <source>Calling display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="135"/>
        <source>Leader&apos;s dashboard</source>
        <translation>领导看板</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="138"/>
        <source>&amp;Used as</source>
        <translation>用作(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="140"/>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="143"/>
        <source>not fixed</source>
        <translation>不固定</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="144"/>
        <source>&amp;Seat</source>
        <translation>座位(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="149"/>
        <source>Receipts</source>
        <translation>凭条打印</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="154"/>
        <source>80 mm thermal roll</source>
        <translation>80 毫米热敏纸</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="154"/>
        <source>A4 sheet</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="156"/>
        <source>&amp;Layout</source>
        <translation>版式(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="158"/>
        <source>A printer of this computer</source>
        <translation>本机打印机</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="159"/>
        <source>ESC/POS thermal printer</source>
        <translation>ESC/POS 热敏打印机</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="160"/>
        <source>PDF files only</source>
        <translation>只生成 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="161"/>
        <source>&amp;Print to</source>
        <translation>打印到(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="163"/>
        <source>The system&apos;s default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="166"/>
        <source>P&amp;rinter</source>
        <translation>打印机(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="168"/>
        <source>192.168.1.50:9100 or /dev/usb/lp0</source>
        <translation>192.168.1.50:9100 或 /dev/usb/lp0</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="169"/>
        <source>T&amp;hermal printer</source>
        <translation>热敏打印机(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="171"/>
        <source>Empty: the receipts folder of the program</source>
        <translation>留空：程序的凭条文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="172"/>
        <source>PDF &amp;folder</source>
        <translation>PDF 文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="183"/>
        <source>Screen {number} ({size})</source>
        <translation>屏幕 {number}（{size}）</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="191"/>
        <source>S&amp;creen</source>
        <translation>屏幕(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="194"/>
        <source>Tick the windows this screen shows (none ticked: every window)</source>
        <translation>勾选这块屏显示的窗口（都不勾选：显示全部窗口）</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="196"/>
        <source>Windows shown</source>
        <translation>显示的窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="198"/>
        <source>The system&apos;s speech engine</source>
        <translation>系统语音引擎</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="202"/>
        <source>Silent (another screen speaks)</source>
        <translation>静音（由另一块屏播报）</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="203"/>
        <source>&amp;Voice</source>
        <translation>语音播报(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="212"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="284"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
</TS>
