"""The kinds of court case the circuit court numbers its cases by (民初, 民特, 执, …).

The type is the part of a court case number between the court code and the sequence:
（2026）豫1281民初123号. The administrator keeps the list; a type in use is disabled, never
deleted, so old case numbers keep their meaning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import events
from db.court_models import CourtCaseType
from db.event_kinds import EventKind
from db.models import User
from hall import clock, users
from hall.errors import InvalidInput, NotFound

DEFAULT_TYPES: tuple[tuple[str, str], ...] = (
    ("民初", "民事一审案件"),
    ("民特", "民事特别程序案件（含司法确认）"),
    ("执", "执行实施案件"),
    ("民诉前调", "诉前调解案件"),
)
# Only Chinese characters: anything else would make the case number ambiguous to read back.
TYPE_CODE = re.compile(r"^[\u4e00-\u9fff]{1,6}$")
MAX_NAME = 32


def seed(session: Session) -> None:
    """Add the default types that are not there yet."""
    have = set(session.scalars(select(CourtCaseType.code)))
    for order, (code, name) in enumerate(DEFAULT_TYPES):
        if code not in have:
            session.add(CourtCaseType(code=code, name=name, enabled=True, sort_order=order))
    session.flush()


def case_types(session: Session, enabled_only: bool = True) -> Sequence[CourtCaseType]:
    stmt = select(CourtCaseType).order_by(CourtCaseType.sort_order, CourtCaseType.code)
    if enabled_only:
        stmt = stmt.where(CourtCaseType.enabled)
    return session.scalars(stmt).all()


def add_case_type(
    session: Session, code: str, name: str, actor: User, now: dt.datetime | None = None
) -> CourtCaseType:
    now = now or clock.now()
    users.require_role(actor, users.ADMIN)
    code = code.strip()
    name = name.strip()
    if not TYPE_CODE.match(code):
        raise InvalidInput("案件类型代字应为 1 至 6 个汉字（如：民初、民特、执）。", "code")
    if not name:
        raise InvalidInput("请填写案件类型名称。", "name")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"案件类型名称最多 {MAX_NAME} 个字。", "name")
    if session.get(CourtCaseType, code) is not None:
        raise InvalidInput(f"案件类型“{code}”已经有了。", "code")
    last = session.scalar(select(func.max(CourtCaseType.sort_order))) or 0
    row = CourtCaseType(code=code, name=name, enabled=True, sort_order=last + 1)
    session.add(row)
    session.flush()
    events.append(
        session, EventKind.COURT_TYPE_ADDED, "court_case_type", None, now, actor.id, {"code": code}
    )
    return row


def set_enabled(
    session: Session, code: str, enabled: bool, actor: User, now: dt.datetime | None = None
) -> CourtCaseType:
    """Offer the type for new registrations again, or stop offering it."""
    now = now or clock.now()
    users.require_role(actor, users.ADMIN)
    row = session.get(CourtCaseType, code)
    if row is None:
        raise NotFound(f"没有案件类型“{code}”。")
    row.enabled = enabled
    events.append(
        session,
        EventKind.COURT_TYPE_CHANGED,
        "court_case_type",
        None,
        now,
        actor.id,
        {"code": code, "enabled": enabled},
    )
    return row


def enabled_type(session: Session, code: str) -> CourtCaseType:
    """The type a new registration names; refused, with the usable ones, when it is not one."""
    row = session.get(CourtCaseType, code)
    if row is None or not row.enabled:
        usable = "、".join(t.code for t in case_types(session)) or "（无，请管理员添加）"
        raise InvalidInput(f"案件类型“{code}”不可用。可选：{usable}。", "case_type")
    return row
