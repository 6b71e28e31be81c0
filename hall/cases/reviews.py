"""复查 and 复核: the petitioner's requests for review, their decisions, and following a
supported decision until it is carried out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import InstrumentedAttribute, Session

from db.case_models import PetitionCase
from db.event_kinds import EventKind
from db.models import User
from db.states import CaseOutcome, CaseState
from hall import clock, deadlines, fields
from hall.calendar import WorkCalendar, cn_date
from hall.cases.basics import _calendar
from hall.cases.transitions import (
    _effective_outcome,
    _follow_execution,
    _log,
    _not_before,
    _outcome,
    _require_state,
    case_for_update,
    refresh_limits,
)
from hall.errors import IllegalTransition


@dataclass(frozen=True)
class _ReviewLevel:
    """A level of review the petitioner may ask for: 复查 of the reply, then 复核 of the 复查
    opinion. Both run alike (asked for within a limit, decided within another, by an opinion
    that is followed until carried out when supported); what differs is named here."""

    name: str
    # The opinion under review: when it was issued, and how a message names that date.
    basis_on: InstrumentedAttribute[dt.date | None]
    basis_name: str
    requestable_in: frozenset[CaseState]
    request_until: Callable[[dt.date, WorkCalendar], dt.date]
    decide_due: Callable[[dt.date, WorkCalendar], dt.date]
    # What the level itself writes on the case.
    requested_on: InstrumentedAttribute[dt.date | None]
    due: InstrumentedAttribute[dt.date | None]
    outcome: InstrumentedAttribute[str | None]
    text: InstrumentedAttribute[str]
    decided_on: InstrumentedAttribute[dt.date | None]
    state: CaseState
    decided_state: CaseState
    requested_event: EventKind
    decided_event: EventKind
    # The refusals of a request, which differ by more than the level's name.
    request_action: str
    late_request: str  # formatted with the case number, the basis date and the last day


_REVIEW = _ReviewLevel(
    name="复查",
    basis_on=PetitionCase.replied_on,
    basis_name="答复日期",
    requestable_in=frozenset({CaseState.REPLIED, CaseState.CLOSED}),
    request_until=deadlines.review_request_until,
    decide_due=deadlines.review_due,
    requested_on=PetitionCase.review_requested_on,
    due=PetitionCase.review_due,
    outcome=PetitionCase.review_outcome,
    text=PetitionCase.review_text,
    decided_on=PetitionCase.reviewed_on,
    state=CaseState.REVIEW,
    decided_state=CaseState.REVIEWED,
    requested_event=EventKind.CASE_REVIEW_REQUESTED,
    decided_event=EventKind.CASE_REVIEWED,
    request_action="请求复查（复查针对已出具的信访处理意见）",
    late_request="信访事项{number}的处理意见于{basis}出具，请求复查应在收到之日起 30 日内提出"
    "（至{until}止），现已超过期限，不予受理。",
)
_REREVIEW = _ReviewLevel(
    name="复核",
    basis_on=PetitionCase.reviewed_on,
    basis_name="复查意见的日期",
    requestable_in=frozenset({CaseState.REVIEWED}),
    request_until=deadlines.rereview_request_until,
    decide_due=deadlines.rereview_due,
    requested_on=PetitionCase.rereview_requested_on,
    due=PetitionCase.rereview_due,
    outcome=PetitionCase.rereview_outcome,
    text=PetitionCase.rereview_text,
    decided_on=PetitionCase.rereviewed_on,
    state=CaseState.REREVIEW,
    decided_state=CaseState.FINAL,
    requested_event=EventKind.CASE_REREVIEW_REQUESTED,
    decided_event=EventKind.CASE_FINALLY_CLOSED,
    request_action="请求复核（复核针对已作出的复查意见）",
    late_request="信访事项{number}的复查意见于{basis}作出，请求复核应在收到之日起 30 日内提出"
    "（至{until}止），现已超过期限，不予受理。",
)


def _request_until(session: Session, case: PetitionCase, level: _ReviewLevel) -> dt.date | None:
    """The last day to ask for ``level``; None while the opinion it reviews is not issued."""
    basis: dt.date | None = getattr(case, level.basis_on.key)
    if basis is None:
        return None
    return level.request_until(basis, _calendar(session, basis))


def _request_level(
    session: Session,
    case_id: int,
    level: _ReviewLevel,
    actor: User | None,
    now: dt.datetime | None,
) -> PetitionCase:
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, level.requestable_in, level.request_action)
    basis: dt.date | None = getattr(case, level.basis_on.key)
    assert basis is not None
    on = now.date()
    _not_before(on, basis, level.basis_name)
    until = level.request_until(basis, _calendar(session, basis))
    if on > until:
        raise IllegalTransition(
            level.late_request.format(
                number=case.number, basis=cn_date(basis), until=cn_date(until)
            )
        )
    setattr(case, level.requested_on.key, on)
    setattr(case, level.due.key, level.decide_due(on, _calendar(session, on)))
    case.state = level.state
    refresh_limits(case)
    _log(session, level.requested_event, case, now, actor)
    return case


def _decide_level(
    session: Session,
    case_id: int,
    level: _ReviewLevel,
    outcome: str,
    text: str,
    actor: User | None,
    now: dt.datetime | None,
) -> PetitionCase:
    now = now or clock.now()
    case = case_for_update(session, case_id)
    _require_state(case, {level.state}, f"作出{level.name}意见（只有{level.name}中的事项才能作出）")
    text = fields.clean(fields.REPLY_TEXT.but(label=f"{level.name}意见的内容"), text)
    setattr(case, level.outcome.key, _outcome(outcome))
    setattr(case, level.text.key, text)
    on = now.date()
    _not_before(on, getattr(case, level.requested_on.key), f"请求{level.name}的日期")
    setattr(case, level.decided_on.key, on)
    case.state = level.decided_state
    _follow_execution(session, case, on)
    refresh_limits(case)
    due: dt.date | None = getattr(case, level.due.key)
    assert due is not None
    _log(session, level.decided_event, case, now, actor, outcome=outcome, late=on > due)
    return case


def request_review(
    session: Session,
    case_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """The petitioner asks for 复查 of the reply: within 30 days of it, or refused."""
    return _request_level(session, case_id, _REVIEW, actor, now)


def request_rereview(
    session: Session,
    case_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """The petitioner asks for 复核 of the 复查 opinion: within 30 days of it, or refused."""
    return _request_level(session, case_id, _REREVIEW, actor, now)


def decide_review(
    session: Session,
    case_id: int,
    outcome: str,
    text: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Issue the 复查意见书."""
    return _decide_level(session, case_id, _REVIEW, outcome, text, actor, now)


def decide_rereview(
    session: Session,
    case_id: int,
    outcome: str,
    text: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Issue the 复核意见书: the matter is then finally closed (三级终结)."""
    return _decide_level(session, case_id, _REREVIEW, outcome, text, actor, now)


def record_execution(
    session: Session,
    case_id: int,
    note: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Record that a supported decision (予以支持) has been carried out."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    if _effective_outcome(case) != CaseOutcome.SUPPORT:
        raise IllegalTransition(
            f"信访事项{case.number}没有“予以支持”的处理意见，无需登记落实情况。"
        )
    if case.executed_on is not None:
        raise IllegalTransition(
            f"信访事项{case.number}的处理意见已于{cn_date(case.executed_on)}登记落实。"
        )
    case.execution_note = fields.clean(fields.EXECUTION_NOTE, note)
    case.executed_on = now.date()
    case.execution_due = None
    refresh_limits(case)
    _log(session, EventKind.CASE_EXECUTED, case, now, actor)
    return case
