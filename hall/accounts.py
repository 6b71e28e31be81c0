"""Log-in, passwords and lockout to 等保 2.0 level 3 (issue 15), and the rules an admin sets.

- A password has at least 8 characters of three kinds (upper, lower, digits, others), is not
  the login name, and is none of the user's last 5; it may expire after an admin-set number of
  days, with a warning in the last 7.
- After an admin-set number of failed log-ins in a row (5) the account is locked for an
  admin-set time (15 minutes); every failure and lock is audited with the workstation.
- A failed log-in is told in one message whatever failed (an unknown login, a wrong password,
  a disabled or locked account), so the screen reveals nothing about which logins exist, and an
  unknown login costs the same argon2 verification as a known one.

:func:`log_in` returns its refusal instead of raising it, so that the caller's transaction
commits the failure count and its audit entry.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.account_models import AccountState, PasswordHistory
from db.event_kinds import EventKind
from db.models import User
from hall import clock, settings, users
from hall.errors import InvalidInput, PermissionDenied
from hall.settings import Setting

MIN_LENGTH = 8
MIN_KINDS = 3
HISTORY = 5
WARN_DAYS = 7

MAX_FAILURES: Setting[int] = Setting("max_failed_logins", 5, "连续登录失败几次后锁定账户")
LOCK_MINUTES: Setting[int] = Setting("lock_minutes", 15, "账户锁定时长（分钟）")
EXPIRY_DAYS: Setting[int] = Setting("password_expiry_days", 0, "密码有效期（天，0 为不过期）")
IDLE_LOCK_MINUTES: Setting[int] = Setting("idle_lock_minutes", 10, "无操作自动锁屏（分钟）")
RULES = (MAX_FAILURES, LOCK_MINUTES, EXPIRY_DAYS, IDLE_LOCK_MINUTES)
# The roles that work with petitioners; the three administrators' roles are not among them.
WORKING_ROLES = frozenset({users.RECEPTION, users.OFFICER, users.CLERK, users.LEADER})

_hasher = PasswordHasher()


@functools.cache
def dummy_hash() -> str:
    """Verified against when the login is unknown, so that such a log-in takes as long as a
    real one. Made once, when first asked for: hashing costs what a log-in costs, and the
    log-in window asks for it only once it is on screen (issue 16: shown within a second)."""
    return _hasher.hash("no such user: a password nobody has")


def refusal(session: Session) -> str:
    """The one message for every failed log-in."""
    minutes = settings.get(session, LOCK_MINUTES)
    return (
        "登录名或密码不正确，或账户因连续输错已被暂时锁定。请重新输入；"
        f"如已锁定，请 {minutes} 分钟后再试，或请安全管理员解锁。"
    )


@dataclass(frozen=True)
class LoginResult:
    """A log-in's outcome: ``user`` when it succeeded, else ``message`` says why not.

    ``must_change`` asks for a new password before anything else (reset by an administrator,
    or expired); ``expires_in`` is the days left when the password expires within a week."""

    user: User | None
    message: str = ""
    must_change: bool = False
    expires_in: int | None = None


def state_of(session: Session, user: User) -> AccountState:
    state = session.get(AccountState, user.id)
    if state is None:
        state = AccountState(user_id=user.id, failed_logins=0, must_change_password=False)
        session.add(state)
    return state


def log_in(
    session: Session, login: str, password: str, now: dt.datetime | None = None
) -> LoginResult:
    now = now or clock.now()
    login = login.strip()
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        _verify(dummy_hash(), password)
        events.append(
            session, EventKind.USER_LOGIN_FAILED, "user", None, now, None, {"login": login}
        )
        return LoginResult(None, refusal(session))
    state = state_of(session, user)
    locked = state.locked_until is not None and state.locked_until > now
    # A locked or disabled account is refused even with the right password, but the password
    # is still checked so the refusal takes the same time.
    if not _verify(user.password_hash, password) or locked or not user.active:
        _count_failure(session, user, state, now, locked)
        return LoginResult(None, refusal(session))
    state.failed_logins = 0
    state.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    events.append(session, EventKind.USER_LOGIN, "user", user.id, now, user.id, {})
    left = days_left(session, user, now)
    expired = left is not None and left <= 0
    warn = left if left is not None and 0 < left <= WARN_DAYS else None
    return LoginResult(user, must_change=state.must_change_password or expired, expires_in=warn)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _count_failure(
    session: Session, user: User, state: AccountState, now: dt.datetime, locked: bool
) -> None:
    reason = "locked" if locked else ("disabled" if not user.active else "password")
    events.append(
        session,
        EventKind.USER_LOGIN_FAILED,
        "user",
        user.id,
        now,
        None,
        {"login": user.login, "reason": reason},
    )
    if locked or not user.active:
        return
    state.failed_logins += 1
    if state.failed_logins >= settings.get(session, MAX_FAILURES):
        minutes = settings.get(session, LOCK_MINUTES)
        state.locked_until = now + dt.timedelta(minutes=minutes)
        state.failed_logins = 0
        events.append(
            session,
            EventKind.USER_LOCKED,
            "user",
            user.id,
            now,
            None,
            {"login": user.login, "minutes": minutes},
        )


def is_locked(session: Session, user: User, now: dt.datetime | None = None) -> bool:
    state = session.get(AccountState, user.id)
    now = now or clock.now()
    return state is not None and state.locked_until is not None and state.locked_until > now


def log_out(session: Session, user: User, reason: str = "user") -> None:
    """Audit a log-out (``reason``: user, idle for a forced one after the idle lock)."""
    events.append(
        session, EventKind.USER_LOGOUT, "user", user.id, clock.now(), user.id, {"reason": reason}
    )


def check_password(login: str, password: str) -> None:
    """Refuse a password the rules do not allow, saying which rule and how to meet it."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"密码至少 {MIN_LENGTH} 位，请加长。", "password")
    kinds = sum(
        (
            any(c.isupper() for c in password),
            any(c.islower() for c in password),
            any(c.isdigit() for c in password),
            any(not (c.isascii() and c.isalnum()) for c in password),
        )
    )
    if kinds < MIN_KINDS:
        raise InvalidInput(
            "密码须包含大写字母、小写字母、数字、符号中的至少三种，请修改。", "password"
        )
    if login.strip() and login.strip().lower() in password.lower():
        raise InvalidInput("密码不能包含登录名，请换一个。", "password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def idle_minutes(session: Session) -> int:
    return settings.get(session, IDLE_LOCK_MINUTES)


def screen_locked(session: Session, user_id: int) -> None:
    """Audit that a workstation locked itself for want of input."""
    events.append(session, EventKind.USER_SCREEN_LOCKED, "user", user_id, clock.now(), user_id, {})


def resume(session: Session, user_id: int, password: str) -> bool:
    """The idle lock's check: True when ``password`` is the locked user's own. A wrong one is
    audited as a refusal and counts towards the lockout like any failed log-in."""
    user = session.get(User, user_id)
    if user is None:
        return False
    now = clock.now()
    state = state_of(session, user)
    locked = state.locked_until is not None and state.locked_until > now
    if _verify(user.password_hash, password) and user.active and not locked:
        state.failed_logins = 0
        events.append(session, EventKind.USER_RESUMED, "user", user.id, now, user.id, {})
        return True
    _count_failure(session, user, state, now, locked)
    return False


def force_log_out(session: Session, user_id: int, admin_login: str, admin_password: str) -> None:
    """A system administrator ends a locked session whose user is away; what that user typed
    and did not save is lost, which the screen says before asking."""
    result = log_in(session, admin_login, admin_password)
    if result.user is None:
        raise InvalidInput(result.message, "password")
    if not users.has_role(result.user, users.ADMIN):
        raise PermissionDenied("只有系统管理员可以强制注销，请由系统管理员输入登录名和密码。")
    events.append(
        session,
        EventKind.USER_LOGOUT,
        "user",
        user_id,
        clock.now(),
        result.user.id,
        {"reason": "forced", "by": result.user.login},
    )


def set_password(session: Session, user: User, password: str, now: dt.datetime) -> None:
    """Give ``user`` a new password after checking the rules and the last passwords."""
    check_password(user.login, password)
    recent = session.scalars(
        select(PasswordHistory.password_hash)
        .where(PasswordHistory.user_id == user.id)
        .order_by(PasswordHistory.id.desc())
        .limit(HISTORY - 1)
    ).all()
    if any(_verify(old, password) for old in [user.password_hash, *recent]):
        raise InvalidInput(f"新密码不能与最近 {HISTORY} 次用过的密码相同，请换一个。", "password")
    session.add(PasswordHistory(user_id=user.id, password_hash=user.password_hash, set_at=now))
    user.password_hash = hash_password(password)
    state = state_of(session, user)
    state.password_changed_at = now


def change_password(session: Session, user_id: int, old: str, new: str) -> None:
    """The user changes their own password (at log-in when required, or when they wish)."""
    user = session.get(User, user_id)
    if user is None or not _verify(user.password_hash, old):
        raise InvalidInput("原密码不正确，请重新输入。", "old_password")
    now = clock.now()
    set_password(session, user, new, now)
    state_of(session, user).must_change_password = False
    events.append(session, EventKind.USER_PASSWORD_CHANGED, "user", user.id, now, user.id, {})


def days_left(session: Session, user: User, now: dt.datetime) -> int | None:
    """Days until the password expires (0 or less: expired), or None when passwords never do."""
    days = settings.get(session, EXPIRY_DAYS)
    if days <= 0:
        return None
    state = session.get(AccountState, user.id)
    since = (state.password_changed_at if state else None) or user.created_at
    # Counted in calendar days, as the user reads a warning: "expires in 5 days".
    return ((since + dt.timedelta(days=days)).date() - now.date()).days


def may_read_content(user: User | None) -> bool:
    """Whether ``user`` may read petitioners' content at all: only with a working role, never
    by an administrator's role alone (三员分立)."""
    return user is not None and user.active and bool(users.roles_of(user) & WORKING_ROLES)
