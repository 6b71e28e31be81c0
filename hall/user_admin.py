"""Managing users in the program, under the separation of duties (三员分立).

- the system administrator (系统管理员, role ``admin``) adds users, edits their names and
  windows, disables and re-enables them (never deletes: their records keep their name) and
  resets a password, which the user must change at the next log-in;
- the security administrator (安全管理员) grants and withdraws roles, sets the password and
  lock rules and unlocks accounts;
- the audit administrator (审计管理员) reads the audit (``hall.audit``), nothing else.

No user holds two of these roles, and nobody changes their own roles, so no one administrator
can both act and hide it. Every change is audited (``user.*`` and ``security.*`` events).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.account_models import AccountState
from db.event_kinds import EventKind
from db.models import ServiceWindow, User
from hall import accounts, clock, fields, settings, users
from hall.errors import InvalidInput, NotFound, PermissionDenied

ADMIN_ROLES = (users.ADMIN, users.SECURITY, users.AUDITOR)
DUTIES = {
    users.ADMIN: "管理用户和大厅设置",
    users.SECURITY: "分配角色、设置密码和锁定规则、解锁账户",
    users.AUDITOR: "查阅审计记录",
}


def require_duty(actor: User, role: str) -> None:
    """Refuse ``actor`` unless ``role`` is theirs, naming who does this instead."""
    if not (actor.active and users.has_role(actor, role)):
        raise PermissionDenied(
            f"“{DUTIES[role]}”是{users.ROLE_NAMES[role]}的职责，{actor.name}不能办理"
            f"（三员分立）。请由{users.ROLE_NAMES[role]}登录后操作。"
        )


@dataclass(frozen=True)
class UserRow:
    id: int
    login: str
    name: str
    roles: tuple[str, ...]
    windows: tuple[str, ...]
    active: bool
    locked: bool
    must_change: bool


def list_users(session: Session, actor: User) -> list[UserRow]:
    """Every user, for the system and the security administrators."""
    if not users.has_role(actor, users.ADMIN, users.SECURITY):
        require_duty(actor, users.ADMIN)
    now = clock.now()
    states = {s.user_id: s for s in session.scalars(select(AccountState))}
    rows = []
    for user in session.scalars(select(User).order_by(User.login)):
        state = states.get(user.id)
        rows.append(
            UserRow(
                id=user.id,
                login=user.login,
                name=user.name,
                roles=tuple(sorted(users.roles_of(user))),
                windows=tuple(users.window_codes(user)),
                active=user.active,
                locked=bool(state and state.locked_until and state.locked_until > now),
                must_change=bool(state and state.must_change_password),
            )
        )
    return rows


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("没有这个用户，可能已被其他工作站修改，请刷新列表。")
    return user


def _windows(session: Session, codes: Iterable[str]) -> list[ServiceWindow]:
    found = []
    for code in codes:
        window = session.scalar(select(ServiceWindow).where(ServiceWindow.code == code))
        if window is None:
            raise InvalidInput(f"没有代码为“{code}”的窗口。", "windows")
        found.append(window)
    return found


def checked_roles(roles: Iterable[str]) -> list[str]:
    """``roles`` cleaned, refused when one is unknown or when they join two of the three
    administrators' roles (三员分立)."""
    wanted = sorted({r.strip() for r in roles if r.strip()})
    unknown = [r for r in wanted if r not in users.ROLE_NAMES]
    if unknown:
        raise InvalidInput(
            f"未知角色：{'、'.join(unknown)}。可用角色：{'、'.join(users.ROLE_NAMES)}。", "roles"
        )
    held = [users.ROLE_NAMES[r] for r in wanted if r in ADMIN_ROLES]
    if len(held) > 1:
        raise InvalidInput(
            f"{'、'.join(held)}须由不同的人担任（三员分立），请只保留其中一个。", "roles"
        )
    return wanted


def add_user(
    session: Session,
    actor: User | None,
    login: str,
    name: str,
    password: str,
    windows: Sequence[str] = (),
    roles: Iterable[str] = (),
) -> User:
    """A new user, under the password rules and 三员分立, for the users screen and
    ``hall-admin user add`` alike.

    On the screen the system administrator (``actor``) adds a user with no role (the security
    administrator grants roles) and a first password to change at the first log-in. The command
    line (``actor`` None: whoever holds the machine) may give roles at once, and its password is
    the one the user keeps, as an installer's script expects."""
    if actor is not None:
        require_duty(actor, users.ADMIN)
    # The shapes every form and command share (hall/fields.py): a login is letters, digits and
    # ._- only, a name has no control characters.
    login = fields.clean(fields.LOGIN, login)
    name = fields.clean(fields.USER_NAME, name)
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise InvalidInput(f"登录名“{login}”已被使用，请换一个。", "login")
    granted = checked_roles(roles)
    if actor is None and not granted:
        raise InvalidInput("至少选择一个角色。", "roles")
    accounts.check_password(login, password)
    now = clock.now()
    user = User(
        login=login,
        name=name,
        password_hash=accounts.hash_password(password),
        roles=",".join(granted),
        active=True,
        created_at=now,
    )
    user.windows = _windows(session, windows)
    session.add(user)
    session.flush()
    session.add(
        AccountState(user_id=user.id, failed_logins=0, must_change_password=actor is not None)
    )
    events.append(
        session,
        EventKind.USER_ADDED,
        "user",
        user.id,
        now,
        actor.id if actor is not None else None,
        {"login": login, "name": name, "windows": list(windows), "roles": granted},
    )
    return user


def edit_user(
    session: Session, actor: User, user_id: int, name: str, windows: Sequence[str]
) -> None:
    require_duty(actor, users.ADMIN)
    user = _user(session, user_id)
    if not name.strip():
        raise InvalidInput("请填写姓名。", "name")
    before = {"name": user.name, "windows": list(users.window_codes(user))}
    user.name = name.strip()
    user.windows = _windows(session, windows)
    events.append(
        session,
        EventKind.USER_EDITED,
        "user",
        user.id,
        clock.now(),
        actor.id,
        {
            "login": user.login,
            "before": before,
            "after": {"name": user.name, "windows": list(windows)},
        },
    )


def set_active(session: Session, actor: User, user_id: int, active: bool) -> None:
    """Disable (or enable again) a user; a user is never deleted, so records keep their name."""
    require_duty(actor, users.ADMIN)
    user = _user(session, user_id)
    if user.id == actor.id and not active:
        raise PermissionDenied("不能停用自己的账户，请由另一位系统管理员办理。")
    user.active = active
    kind = EventKind.USER_ENABLED if active else EventKind.USER_DISABLED
    events.append(session, kind, "user", user.id, clock.now(), actor.id, {"login": user.login})


def reset_password(session: Session, actor: User, user_id: int, password: str) -> None:
    """Give a user a temporary password, to be changed at their next log-in."""
    require_duty(actor, users.ADMIN)
    user = _user(session, user_id)
    now = clock.now()
    accounts.set_password(session, user, password, now)
    accounts.state_of(session, user).must_change_password = True
    events.append(
        session,
        EventKind.USER_PASSWORD_RESET,
        "user",
        user.id,
        now,
        actor.id,
        {"login": user.login},
    )


def set_roles(session: Session, actor: User, user_id: int, roles: Iterable[str]) -> None:
    """Grant exactly ``roles`` to a user (a permission change)."""
    require_duty(actor, users.SECURITY)
    user = _user(session, user_id)
    if user.id == actor.id:
        raise PermissionDenied("不能修改自己的角色，请由另一位安全管理员办理。")
    wanted = checked_roles(roles)
    before = sorted(users.roles_of(user))
    user.roles = ",".join(wanted)
    events.append(
        session,
        EventKind.USER_ROLES_CHANGED,
        "user",
        user.id,
        clock.now(),
        actor.id,
        {"login": user.login, "before": before, "after": wanted},
    )


def unlock(session: Session, actor: User, user_id: int) -> None:
    require_duty(actor, users.SECURITY)
    user = _user(session, user_id)
    state = accounts.state_of(session, user)
    state.locked_until = None
    state.failed_logins = 0
    events.append(
        session,
        EventKind.USER_UNLOCKED,
        "user",
        user.id,
        clock.now(),
        actor.id,
        {"login": user.login},
    )


@dataclass(frozen=True)
class Rules:
    max_failures: int
    lock_minutes: int
    expiry_days: int
    idle_minutes: int


def get_rules(session: Session) -> Rules:
    return Rules(
        max_failures=settings.get(session, accounts.MAX_FAILURES),
        lock_minutes=settings.get(session, accounts.LOCK_MINUTES),
        expiry_days=settings.get(session, accounts.EXPIRY_DAYS),
        idle_minutes=settings.get(session, accounts.IDLE_LOCK_MINUTES),
    )


def put_rules(session: Session, actor: User, rules: Rules) -> None:
    require_duty(actor, users.SECURITY)
    if not 3 <= rules.max_failures <= 10:
        raise InvalidInput("锁定前允许的失败次数须在 3 到 10 次之间。", "max_failures")
    if not 1 <= rules.lock_minutes <= 24 * 60:
        raise InvalidInput("锁定时长须在 1 分钟到 24 小时之间。", "lock_minutes")
    if not 0 <= rules.expiry_days <= 365:
        raise InvalidInput("密码有效期须在 0（不过期）到 365 天之间。", "expiry_days")
    if not 1 <= rules.idle_minutes <= 60:
        raise InvalidInput("自动锁屏时间须在 1 到 60 分钟之间。", "idle_minutes")
    before = get_rules(session)
    settings.put(session, accounts.MAX_FAILURES, rules.max_failures)
    settings.put(session, accounts.LOCK_MINUTES, rules.lock_minutes)
    settings.put(session, accounts.EXPIRY_DAYS, rules.expiry_days)
    settings.put(session, accounts.IDLE_LOCK_MINUTES, rules.idle_minutes)
    events.append(
        session,
        EventKind.SECURITY_RULES_CHANGED,
        "hall_setting",
        None,
        clock.now(),
        actor.id,
        {"before": asdict(before), "after": asdict(rules)},
    )
