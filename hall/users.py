"""Users, roles and log-in. Passwords are kept only as argon2 hashes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.models import ServiceWindow, User
from hall import clock
from hall.errors import InvalidInput, NotFound, PermissionDenied

RECEPTION = "reception"
OFFICER = "officer"
CLERK = "clerk"
LEADER = "leader"
ADMIN = "admin"
# 三员分立 (issue 15): the security and the audit administrators; rules in hall.accounts.
SECURITY = "security"
AUDITOR = "auditor"

ROLE_NAMES = {
    RECEPTION: "导访员",
    OFFICER: "窗口工作人员",
    CLERK: "法庭书记员",
    LEADER: "领导",
    ADMIN: "管理员",
    SECURITY: "安全管理员",
    AUDITOR: "审计管理员",
}

_hasher = PasswordHasher()
MIN_PASSWORD = 6


def roles_of(user: User) -> set[str]:
    return set(filter(None, user.roles.split(",")))


def has_role(user: User, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def require_role(user: User, *roles: str) -> None:
    if not has_role(user, *roles):
        names = "或".join(ROLE_NAMES[r] for r in roles)
        raise PermissionDenied(f"此操作需要{names}权限，当前用户{user.name}没有。")


def add_user(
    session: Session,
    login: str,
    name: str,
    password: str,
    roles: Iterable[str],
    windows: Iterable[str] = (),
    now: dt.datetime | None = None,
    actor: User | None = None,
) -> User:
    now = now or clock.now()
    login = login.strip()
    if not login:
        raise InvalidInput("请填写登录名。", "login")
    if not name.strip():
        raise InvalidInput("请填写姓名。", "name")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"密码至少 {MIN_PASSWORD} 位。", "password")
    role_set = [r.strip() for r in roles if r.strip()]
    unknown = [r for r in role_set if r not in ROLE_NAMES]
    if unknown:
        raise InvalidInput(
            f"未知角色：{'、'.join(unknown)}。可用角色：{'、'.join(ROLE_NAMES)}", "roles"
        )
    if not role_set:
        raise InvalidInput("至少选择一个角色。", "roles")
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise InvalidInput(f"登录名“{login}”已被使用，请换一个。", "login")
    window_rows: list[ServiceWindow] = []
    for code in windows:
        window = session.scalar(select(ServiceWindow).where(ServiceWindow.code == code))
        if window is None:
            raise InvalidInput(f"没有代码为“{code}”的窗口。", "windows")
        window_rows.append(window)
    user = User(
        login=login,
        name=name.strip(),
        password_hash=_hasher.hash(password),
        roles=",".join(role_set),
        active=True,
        created_at=now,
    )
    user.windows = window_rows
    session.add(user)
    session.flush()
    events.append(
        session,
        "user.added",
        "user",
        user.id,
        now,
        actor.id if actor else None,
        {"login": login, "roles": role_set},
    )
    return user


def authenticate(session: Session, login: str, password: str) -> User:
    """The active user with this login and password; one message for every failure, so the
    screen does not reveal which logins exist."""
    user = session.scalar(select(User).where(User.login == login.strip()))
    failure = InvalidInput("登录名或密码不正确，请重新输入。", "password")
    if user is None or not user.active:
        raise failure
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise failure from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    events.append(session, "user.login", "user", user.id, clock.now(), user.id, {})
    return user


def by_login(session: Session, login: str) -> User:
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        raise NotFound(f"没有登录名为“{login}”的用户。")
    return user


def window_codes(user: User) -> Sequence[str]:
    return [w.code for w in sorted(user.windows, key=lambda w: w.sort_order)]


def any_users(session: Session) -> bool:
    return session.scalar(select(User.id).limit(1)) is not None
