"""Users, roles and log-in. Passwords are kept only as argon2 hashes."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Sequence
from functools import cache, cached_property
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import ServiceWindow, User
from hall import clock, fields
from hall.errors import InvalidInput, NotFound, PermissionDenied

if TYPE_CHECKING:
    from argon2 import PasswordHasher

RECEPTION = "reception"
OFFICER = "officer"
CLERK = "clerk"
LEADER = "leader"
ADMIN = "admin"
# Township stations and their informants (hall.mechanisms.stations) — issue 17 hook.
STATION = "station"
INFORMANT = "informant"
# 三员分立 (issue 15): the security and the audit administrators; rules in hall.accounts.
SECURITY = "security"
AUDITOR = "auditor"

# One name for one thing: the front desk's role is called what its page and its PC are.
ROLE_NAMES = {
    RECEPTION: "导访台",
    OFFICER: "窗口工作人员",
    CLERK: "法庭书记员",
    LEADER: "领导",
    ADMIN: "管理员",
    STATION: "群众工作站",
    INFORMANT: "信息员",
    SECURITY: "安全管理员",
    AUDITOR: "审计管理员",
}


class _Hasher:
    """argon2's hasher, loaded when a password is first hashed or checked: a hardware caller's
    press, proven by a device's token, never does."""

    @cached_property
    def _argon2(self) -> PasswordHasher:
        from argon2 import PasswordHasher

        return PasswordHasher()

    def hash(self, password: str) -> str:
        return self._argon2.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        return self._argon2.verify(stored, password)

    def check_needs_rehash(self, stored: str) -> bool:
        return self._argon2.check_needs_rehash(stored)


_hasher: _Hasher | PasswordHasher = _Hasher()
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
    login = fields.clean(fields.LOGIN, login)
    name = fields.clean(fields.USER_NAME, name)
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"密码至少 {MIN_PASSWORD} 位。", "password")
    if len(password) > fields.PASSWORD.max_length:
        raise InvalidInput(
            f"密码太长（最多 {fields.PASSWORD.max_length} 位），请换一个。", "password"
        )
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
        EventKind.USER_ADDED,
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
    # An unknown login is checked against a hash all the same: answering it at once would
    # tell by the time taken which logins exist.
    stored = user.password_hash if user is not None and user.active else _dummy_hash()
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        raise failure from None
    if user is None or not user.active:
        raise failure
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    events.append(session, EventKind.USER_LOGIN, "user", user.id, clock.now(), user.id, {})
    return user


@cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_hex(16))


def record_failed_proof(session: Session, login: str, via: str) -> None:
    """Log a failed log-in (in its own unit of work: the refused one is rolled back). Only
    the login's shape is kept, never the password typed."""
    user = session.scalar(select(User).where(User.login == login.strip()))
    events.append(
        session,
        EventKind.USER_LOGIN_FAILED,
        "user",
        user.id if user is not None else None,
        clock.now(),
        None,
        {"login": fields.shown(login, 32), "via": via},
    )


def by_login(session: Session, login: str) -> User:
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        raise NotFound(f"没有登录名为“{login}”的用户。")
    return user


def window_codes(user: User) -> Sequence[str]:
    return [w.code for w in sorted(user.windows, key=lambda w: w.sort_order)]


def any_users(session: Session) -> bool:
    return session.scalar(select(User.id).limit(1)) is not None
