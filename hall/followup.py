"""Follow-ups (回访): a visit's next contact, due on a day, and what the call or visit found.

A window schedules one when it finishes a visit that needs it (the talk window's agreed date,
a matter forwarded to a unit, any outcome "follow-up scheduled"). From its day on it stands in
the window's follow-up list until the result is recorded; the result may set the next one.
An accusation's follow-up says what it is about only to those who may read accusations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import ServiceWindow, User, Visit
from db.states import FollowUpState
from db.window_models import FOLLOW_UP_METHOD_NAMES, FOLLOW_UP_STATE_NAMES, FollowUp
from hall import cases, clock, fields, queue, users
from hall import confidentiality as secrecy
from hall.calendar import cn_date
from hall.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from hall.masking import mask_name

MAX_DAYS_AHEAD = 366
PAGE = 100


def check_date(due_on: dt.date | None, today: dt.date, field: str = "follow_up_on") -> dt.date:
    if due_on is None:
        raise InvalidInput("请选择回访日期。", field)
    if due_on <= today:
        raise InvalidInput(f"回访日期应晚于今天（{cn_date(today)}）。", field)
    if (due_on - today).days > MAX_DAYS_AHEAD:
        raise InvalidInput("回访日期不能晚于一年以后。", field)
    return due_on


def _log(
    session: Session, kind: EventKind, row: FollowUp, now: dt.datetime, actor: User | None
) -> None:
    events.append(
        session,
        kind,
        "follow_up",
        row.id,
        now,
        actor.id if actor else None,
        {"window": row.window.code, "due_on": row.due_on.isoformat(), "state": row.state},
    )


def schedule(
    session: Session,
    visit: Visit,
    window: ServiceWindow,
    due_on: dt.date | None,
    subject: str,
    record_id: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> FollowUp:
    """Schedule a follow-up of ``visit`` by ``window`` on ``due_on`` (a day after today)."""
    now = now or clock.now()
    day = check_date(due_on, now.date())
    subject = fields.clean(fields.FOLLOW_UP_SUBJECT.but(required=True), subject)
    row = FollowUp(
        record_id=record_id,
        visit_id=visit.id,
        window_id=window.id,
        due_on=day,
        subject=subject,
        state=FollowUpState.OPEN,
        method="",
        result="",
        created_at=now,
        created_by=actor.id if actor else None,
    )
    row.visit = visit
    row.window = window
    session.add(row)
    session.flush()
    _log(session, EventKind.FOLLOW_UP_SCHEDULED, row, now, actor)
    return row


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    due_on: dt.date
    days_late: int
    state: str
    state_name: str
    window_name: str
    visit_id: int
    visit_code: str
    visitor_name: str
    phone: str
    subject: str
    withheld: bool
    method_name: str
    result: str
    done_on: dt.date | None


def _rows(
    session: Session, found: Sequence[FollowUp], viewer: User | None, on: dt.date
) -> list[FollowUpRow]:
    secret = secrecy.confidential_ids(session, [f.visit for f in found]) if found else set()
    allowed = secrecy.may_read(viewer)
    result = []
    for row in found:
        visit = row.visit
        withheld = visit.id in secret and not allowed
        result.append(
            FollowUpRow(
                id=row.id,
                due_on=row.due_on,
                days_late=max(0, (on - row.due_on).days) if row.state == FollowUpState.OPEN else 0,
                state=row.state,
                state_name=FOLLOW_UP_STATE_NAMES[row.state],
                window_name=row.window.name,
                visit_id=visit.id,
                visit_code=visit.code,
                visitor_name=mask_name(visit.visitor.name) if withheld else visit.visitor.name,
                phone="" if withheld else visit.visitor.phone,
                subject=cases.WITHHELD if withheld else row.subject,
                withheld=withheld,
                method_name=FOLLOW_UP_METHOD_NAMES.get(row.method, ""),
                result=cases.WITHHELD if withheld and row.result else row.result,
                done_on=row.done_on,
            )
        )
    return result


def _due(window_id: int, on: dt.date) -> Select[tuple[FollowUp]]:
    return select(FollowUp).where(
        FollowUp.window_id == window_id,
        FollowUp.state == FollowUpState.OPEN,
        FollowUp.due_on <= on,
    )


def due(
    session: Session,
    window_code: str,
    on: dt.date,
    viewer: User | None,
    offset: int = 0,
    limit: int = PAGE,
) -> list[FollowUpRow]:
    """The window's follow-ups whose day has come and whose result is not recorded, the
    longest waiting first."""
    window = queue.window_by_code(session, window_code)
    found = session.scalars(
        _due(window.id, on).order_by(FollowUp.due_on, FollowUp.id).offset(offset).limit(limit)
    ).all()
    return _rows(session, found, viewer, on)


def count_due(session: Session, window_code: str, on: dt.date) -> int:
    window = queue.window_by_code(session, window_code)
    stmt = _due(window.id, on).with_only_columns(func.count())
    return int(session.scalar(stmt) or 0)


def of_visit(
    session: Session, visit_id: int, viewer: User | None, on: dt.date
) -> list[FollowUpRow]:
    found = session.scalars(
        select(FollowUp).where(FollowUp.visit_id == visit_id).order_by(FollowUp.due_on)
    ).all()
    return _rows(session, found, viewer, on)


def record_result(
    session: Session,
    follow_up_id: int,
    method: str,
    result: str,
    actor: User,
    next_on: dt.date | None = None,
    next_subject: str = "",
    now: dt.datetime | None = None,
) -> FollowUp:
    """Record what the follow-up call or visit found; ``next_on`` schedules the next one."""
    now = now or clock.now()
    row = session.get(FollowUp, follow_up_id, with_for_update={"of": FollowUp})
    if row is None:
        raise NotFound(f"找不到编号为 {follow_up_id} 的回访。")
    if not users.has_role(actor, users.ADMIN) and row.window_id not in {
        w.id for w in actor.windows
    }:
        raise PermissionDenied(f"{actor.name}不在{row.window.name}窗口，不能登记这次回访。")
    if row.state != FollowUpState.OPEN:
        raise IllegalTransition(
            f"这次回访已于{cn_date(row.done_on or row.due_on)}登记结果，不能重复登记。"
        )
    if method not in FOLLOW_UP_METHOD_NAMES:
        choices = "、".join(FOLLOW_UP_METHOD_NAMES.values())
        raise InvalidInput(f"请选择回访方式：{choices}。", "method")
    result = fields.clean(fields.FOLLOW_UP_RESULT, result)
    row.method = method
    row.result = result
    row.state = FollowUpState.DONE
    row.done_on = now.date()
    row.done_by = actor.id
    _log(session, EventKind.FOLLOW_UP_DONE, row, now, actor)
    if next_on is not None:
        schedule(
            session,
            row.visit,
            row.window,
            next_on,
            next_subject or row.subject,
            record_id=row.record_id,
            actor=actor,
            now=now,
        )
    return row
