<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../desktop/audit_screen.py" line="44"/>
        <source>Login (all when empty)</source>
        <translation>登录名（空为全部）</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="49"/>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="51"/>
        <source>&amp;More</source>
        <translation>更多(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="53"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="57"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="58"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="59"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="60"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="61"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="62"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="63"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="64"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="73"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="74"/>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="75"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="76"/>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="106"/>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="148"/>
        <source>{shown} of {total} entries shown, newest first.</source>
        <translation>共 {total} 条，已显示 {shown} 条（最新的在前）。</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="156"/>
        <source>Export the audit</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../desktop/audit_screen.py" line="167"/>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>BackupScreen</name>
    <message>
        <location filename="../../desktop/backup_screen.py" line="44"/>
        <source>Backups are kept in {folder}, encrypted with the hall key.</source>
        <translation>备份保存在 {folder}，用大厅数据密钥加密。</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="49"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="51"/>
        <source>&amp;Restore the selected backup…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="53"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="57"/>
        <source>Step %v of %m</source>
        <translation>第 %v 步，共 %m 步</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="60"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="60"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="60"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="60"/>
        <location filename="../../desktop/backup_screen.py" line="107"/>
        <source>Checked</source>
        <translation>已校验</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="67"/>
        <source>Back up by itself at the first start of each day (single-PC hall; the last 30 are kept)</source>
        <translation>每天首次启动时自动备份（单机大厅；保留最近 30 份）</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="107"/>
        <source>Not recorded</source>
        <translation>无校验记录</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="136"/>
        <source>Backing up…</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="150"/>
        <source>Backed up to {file} ({size}), encrypted and checked: it can be restored.</source>
        <translation>已备份到 {file}（{size}），已加密并校验，可以恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="173"/>
        <location filename="../../desktop/backup_screen.py" line="178"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="175"/>
        <source>Restore the backup {file} into this hall&apos;s database? The program must be started again afterwards.</source>
        <translation>把备份 {file} 恢复到本大厅的数据库？恢复后须重新启动程序。</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="183"/>
        <source>Replace the hall&apos;s data</source>
        <translation>替换大厅数据</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="185"/>
        <source>This hall&apos;s database already holds data. Restoring {file} replaces ALL of it with what the backup holds: everything entered since the backup was made is lost, on every workstation, and this cannot be undone. Back up now first if in doubt.</source>
        <translation>本大厅的数据库中已有数据。恢复 {file} 将用备份中的内容替换全部现有数据：备份之后在所有工作站录入的内容都将丢失，且无法撤销。如有疑问，请先点“立即备份”。</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="190"/>
        <source>Replace with the backup</source>
        <translation>用备份替换</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="199"/>
        <source>Restoring…</source>
        <translation>正在恢复……</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="212"/>
        <source>Restored: {visits} visits, {visitors} visitors, {cases} cases. Close the program and start it again on every workstation.</source>
        <translation>已恢复：来访登记 {visits} 条，来访人 {visitors} 人，信访事项 {cases} 件。请在每台工作站上关闭程序并重新启动。</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="225"/>
        <source>Daily backup turned on.</source>
        <translation>已开启每天自动备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/backup_screen.py" line="225"/>
        <source>Daily backup turned off.</source>
        <translation>已关闭每天自动备份。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/password_dialog.py" line="31"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="34"/>
        <source>Your password was reset or has expired: choose a new one before you go on.</source>
        <translation>您的密码已被重置或已过期：请先设置新密码再继续。</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="36"/>
        <source>Choose a new password.</source>
        <translation>请设置新密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="41"/>
        <source>At least 8 characters of three kinds (capitals, small letters, digits, symbols), not containing your login, and none of your last 5 passwords.</source>
        <translation>至少 8 位，包含大写字母、小写字母、数字、符号中的至少三种；不能包含登录名，不能与最近 5 次用过的密码相同。</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="59"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="59"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="63"/>
        <source>&amp;Current password:</source>
        <translation>原密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="64"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="65"/>
        <source>New password &amp;again:</source>
        <translation>再次输入新密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="79"/>
        <source>The two new passwords differ: type them again.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>ForceLogOutDialog</name>
    <message>
        <location filename="../../desktop/idle_lock.py" line="122"/>
        <source>Force log-out</source>
        <translation>强制注销</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="125"/>
        <source>Forcing the log-out loses whatever the logged-in user typed and did not save. Only a system administrator may do it.</source>
        <translation>强制注销将丢失当前用户已输入但未保存的全部内容。只有系统管理员可以强制注销。</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="138"/>
        <source>Log out and lose the input</source>
        <translation>注销并丢弃未保存的输入</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="140"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="145"/>
        <source>Administrator&apos;s login:</source>
        <translation>管理员登录名：</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="146"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../desktop/idle_lock.py" line="232"/>
        <source>The password is not right. After several wrong tries the account is locked; ask the security administrator to unlock it.</source>
        <translation>密码不正确，请重新输入。连续输错多次账户将被锁定，届时请安全管理员解锁。</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <location filename="../../desktop/idle_lock.py" line="56"/>
        <source>This workstation is locked</source>
        <translation>本工作站已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="64"/>
        <source>{name} ({login}) is logged in. What was typed is kept: enter the password to go on.</source>
        <translation>当前登录用户：{name}（{login}）。已输入的内容都保留着，请输入密码继续工作。</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="77"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="80"/>
        <source>Force log-out (administrator)…</source>
        <translation>强制注销（管理员）…</translation>
    </message>
    <message>
        <location filename="../../desktop/idle_lock.py" line="84"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/users_screen.py" line="358"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="367"/>
        <source>A temporary password for {login}:</source>
        <translation>为 {login} 设置临时密码：</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../desktop/users_screen.py" line="375"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="378"/>
        <source>The system, security and audit administrators must be three different people.</source>
        <translation>系统管理员、安全管理员、审计管理员须由三个不同的人担任（三员分立）。</translation>
    </message>
</context>
<context>
    <name>SecurityPages</name>
    <message>
        <location filename="../../desktop/security_pages.py" line="37"/>
        <source>Users and security</source>
        <translation>用户与安全</translation>
    </message>
    <message>
        <location filename="../../desktop/security_pages.py" line="45"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop/security_pages.py" line="53"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../desktop/security_pages.py" line="72"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/security_pages.py" line="108"/>
        <source>Password about to expire</source>
        <translation>密码即将过期</translation>
    </message>
    <message>
        <location filename="../../desktop/security_pages.py" line="109"/>
        <source>Your password expires in {days} days: change it soon (System menu, Change password).</source>
        <translation>您的密码将在 {days} 天后过期，请及早修改（“系统”菜单 →“修改密码”）。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../desktop/users_screen.py" line="70"/>
        <source>Edit user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="70"/>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="86"/>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="87"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="89"/>
        <source>First password:</source>
        <translation>初始密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="93"/>
        <source>At least 8 characters of three kinds (capitals, small letters, digits, symbols); the user changes it at the first log-in. Roles are granted by the security administrator.</source>
        <translation>至少 8 位，包含大写字母、小写字母、数字、符号中的至少三种；用户首次登录时须修改。角色由安全管理员分配。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="99"/>
        <source>Windows:</source>
        <translation>窗口：</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../../desktop/users_screen.py" line="118"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="119"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="120"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="121"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="122"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="127"/>
        <source>&amp;Add user…</source>
        <translation>新增用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="128"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="129"/>
        <source>&amp;Disable / enable</source>
        <translation>停用/启用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="130"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="131"/>
        <source>R&amp;oles…</source>
        <translation>分配角色(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="132"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="140"/>
        <source>&amp;Save rules</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="141"/>
        <source>Password and lock rules (security administrator)</source>
        <translation>密码与锁定规则（安全管理员）</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="143"/>
        <source>Failed log-ins before the lock:</source>
        <translation>连续登录失败几次后锁定：</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="144"/>
        <source>Lock for (minutes):</source>
        <translation>锁定时长（分钟）：</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="145"/>
        <source>Passwords expire after (days, 0: never):</source>
        <translation>密码有效期（天，0 为不过期）：</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="146"/>
        <source>Lock an idle workstation after (minutes):</source>
        <translation>无操作自动锁屏（分钟）：</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="218"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="220"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="222"/>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="223"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="229"/>
        <source>Pick a user in the list first.</source>
        <translation>请先在列表中选中一个用户。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="250"/>
        <source>User {login} added; the security administrator grants the roles.</source>
        <translation>已新增用户 {login}；请安全管理员为其分配角色。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="267"/>
        <source>User {login} saved.</source>
        <translation>已保存用户 {login}。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="292"/>
        <source>{login} disabled: their records keep their name.</source>
        <translation>已停用 {login}；其经办记录仍保留姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="294"/>
        <source>{login} enabled again.</source>
        <translation>已重新启用 {login}。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="313"/>
        <source>Password of {login} reset: they must change it at the next log-in.</source>
        <translation>已重置 {login} 的密码，其下次登录时须修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="329"/>
        <source>Roles of {login} saved.</source>
        <translation>已保存 {login} 的角色。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="338"/>
        <source>{login} unlocked.</source>
        <translation>已解锁 {login}。</translation>
    </message>
    <message>
        <location filename="../../desktop/users_screen.py" line="351"/>
        <source>Rules saved; the idle lock&apos;s time applies at each workstation&apos;s next log-in.</source>
        <translation>规则已保存；自动锁屏时间在各工作站下次登录时生效。</translation>
    </message>
</context>
</TS>
