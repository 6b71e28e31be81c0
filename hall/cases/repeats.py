"""Repeat matters: the same matter raised again while its case is open is linked, not opened
twice, and a finally closed matter (三级终结) is not taken up again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_models import STATE_NAMES, CaseLink, PetitionCase
from db.event_kinds import EventKind
from db.models import User, Visit
from db.states import CaseState
from hall import clock, deadlines, fields
from hall.calendar import WorkCalendar, cn_date
from hall.cases.basics import RUNNING, TERMINAL, _calendar, final_closure_reason
from hall.cases.transitions import _log, case_for_update
from hall.errors import IllegalTransition, InvalidInput, NotFound


@dataclass(frozen=True)
class OpenMatter:
    """A case of a visitor's that the same matter, raised again, belongs to."""

    case_id: int
    number: str
    state: str
    state_name: str
    purpose: str
    overdue: bool
    # Until when the case counts as open: its running limit, or the petitioner's time to ask
    # for 复查/复核.
    open_until: dt.date


def _open_until(case: PetitionCase, cal: WorkCalendar) -> dt.date | None:
    if case.state in RUNNING:
        assert case.due_on is not None
        return case.due_on
    if case.state in (CaseState.REPLIED, CaseState.CLOSED) and case.replied_on is not None:
        return deadlines.review_request_until(case.replied_on, cal)
    if case.state == CaseState.REVIEWED and case.reviewed_on is not None:
        return deadlines.rereview_request_until(case.reviewed_on, cal)
    return None


def open_matters(
    session: Session, visitor_id: int, on: dt.date, purpose: str | None = None
) -> list[OpenMatter]:
    """The visitor's cases that are still open on ``on`` (being decided or handled, or within
    the time to ask for review): the same matter raised again is linked to one of them.

    A case whose own limit has passed is still open (the hall owes an answer) and is marked
    overdue, so the front desk links the repeat and tells supervision."""
    stmt = select(PetitionCase).where(
        PetitionCase.visitor_id == visitor_id, PetitionCase.state.not_in(TERMINAL)
    )
    if purpose is not None:
        stmt = stmt.where(PetitionCase.purpose == purpose)
    cal = _calendar(session, on - dt.timedelta(days=366))
    result: list[OpenMatter] = []
    for case in session.scalars(stmt.order_by(PetitionCase.id)):
        until = _open_until(case, cal)
        if until is None:
            continue
        running = case.state in RUNNING
        if running or on <= until:
            result.append(
                OpenMatter(
                    case_id=case.id,
                    number=case.number,
                    state=case.state,
                    state_name=STATE_NAMES[case.state],
                    purpose=case.purpose,
                    overdue=running and on > until,
                    open_until=until,
                )
            )
    return result


def finally_closed(
    session: Session, visitor_id: int, purpose: str | None = None
) -> Sequence[PetitionCase]:
    """The visitor's matters closed at the third level (三级终结), which are not taken up again."""
    stmt = select(PetitionCase).where(
        PetitionCase.visitor_id == visitor_id, PetitionCase.state == CaseState.FINAL
    )
    if purpose is not None:
        stmt = stmt.where(PetitionCase.purpose == purpose)
    return session.scalars(stmt.order_by(PetitionCase.id)).all()


def refuse_if_repeat(session: Session, visitor_id: int, purpose: str, on: dt.date) -> None:
    """Refuse to open a case when the visitor's same kind of matter is open or finally closed."""
    closed = finally_closed(session, visitor_id, purpose)
    if closed:
        raise IllegalTransition(
            final_closure_reason(closed[0]) + "如确属新的事实和理由，请核实后按新事项登记。"
        )
    matters = open_matters(session, visitor_id, on, purpose)
    if matters:
        listed = "、".join(f"{m.number}（{m.state_name}）" for m in matters)
        raise IllegalTransition(
            f"该来访人已有同类信访事项正在办理或仍在复查、复核期内：{listed}。"
            "同一事项请关联到原事项，不要重复登记；确属另一事项的，请确认后按新事项登记。"
        )


def _refuse_unless_open(session: Session, case: PetitionCase, on: dt.date) -> None:
    if case.state == CaseState.FINAL:
        raise IllegalTransition(final_closure_reason(case))
    until = _open_until(case, _calendar(session, on - dt.timedelta(days=366)))
    if until is None:
        raise IllegalTransition(
            f"信访事项{case.number}已{STATE_NAMES[case.state]}，不能把新的来访或来信关联为重复件。"
        )
    if case.state not in RUNNING and on > until:
        raise IllegalTransition(
            f"信访事项{case.number}已办结，请求复查或复核的期限已于{cn_date(until)}届满，"
            "不能再作为重复件关联。"
        )


def link_repeat(
    session: Session,
    case_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
    **what: object,
) -> PetitionCase:
    """Count the same matter raised again on its open case (refused if the case is no longer
    open, or finally closed); the caller records what raised it (a visit, a letter)."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _refuse_unless_open(session, case, now.date())
    case.repeat_count += 1
    session.flush()
    _log(session, EventKind.CASE_REPEAT_LINKED, case, now, actor, **what)
    return case


def link_visit(
    session: Session,
    case_id: int,
    visit_id: int,
    note: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Record a visit raising an open case's matter again (a repeat), instead of a new case."""
    now = now or clock.now()
    note = fields.clean(fields.CASE_NOTE, note)
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    if session.scalar(select(CaseLink.id).where(CaseLink.visit_id == visit_id)) is not None:
        raise IllegalTransition("这次来访已经关联过信访事项。")
    case = case_for_update(session, case_id)
    if visit.visitor_id != case.visitor_id:
        raise InvalidInput(
            f"这次来访的来访人与信访事项{case.number}的信访人不是同一人，不能关联为重复件。",
            "case",
        )
    link_repeat(session, case.id, actor, now, via="visit", visit=visit.code)
    session.add(
        CaseLink(
            case_id=case.id,
            visit_id=visit.id,
            note=note,
            linked_at=now,
            linked_by=actor.id if actor else None,
        )
    )
    session.flush()
    return case
