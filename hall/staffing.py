"""Who may serve which window: the administrator assigns window officers and court clerks to
the windows they work at (the queue refuses an officer at any other window)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import ServiceWindow, User
from hall import catalog, clock, users
from hall.errors import InvalidInput, NotFound

# The roles that work at windows; other users are given no window.
SERVING_ROLES = (users.OFFICER, users.CLERK)


@dataclass(frozen=True)
class StaffMember:
    id: int
    login: str
    name: str
    roles: str
    active: bool
    windows: tuple[str, ...]


def staff(session: Session) -> list[StaffMember]:
    """Every user who works at windows, with the window codes they serve."""
    rows = session.scalars(select(User).order_by(User.login)).all()
    return [
        StaffMember(
            id=user.id,
            login=user.login,
            name=user.name,
            roles="、".join(
                name for code, name in users.ROLE_NAMES.items() if code in users.roles_of(user)
            ),
            active=user.active,
            windows=tuple(users.window_codes(user)),
        )
        for user in rows
        if users.has_role(user, *SERVING_ROLES)
    ]


def window_names(session: Session) -> list[tuple[str, str]]:
    """Every window a member may be ticked for, closed ones included: (code, name)."""
    return [(w.code, w.name) for w in catalog.windows(session, enabled_only=False)]


def set_windows(
    session: Session,
    user_id: int,
    window_codes: Iterable[str],
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> User:
    """Let the user serve exactly these windows."""
    now = now or clock.now()
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"找不到编号为 {user_id} 的用户。")
    codes = list(dict.fromkeys(c.strip() for c in window_codes if c.strip()))
    if codes and not users.has_role(user, *SERVING_ROLES):
        raise InvalidInput(
            f"{user.name}不是窗口工作人员或法庭书记员，不能分配窗口；请先给予相应角色。",
            "windows",
        )
    windows = []
    for code in codes:
        window = session.scalar(select(ServiceWindow).where(ServiceWindow.code == code))
        if window is None:
            raise InvalidInput(f"没有代码为“{code}”的窗口。", "windows")
        windows.append(window)
    user.windows = windows
    session.flush()
    events.append(
        session,
        EventKind.USER_WINDOWS_CHANGED,
        "user",
        user.id,
        now,
        actor.id if actor else None,
        {"login": user.login, "windows": codes},
    )
    return user
