"""Handing a visit, or a separated formal case (诉访分离), over to the court."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import counters, events
from db.case_models import PetitionCase
from db.court_models import HANDOFF_STATE_NAMES, CourtHandoff
from db.event_kinds import EventKind
from db.models import ServiceWindow, User, Visit
from db.states import CaseCourtHandoff, HandoffState, VisitStatus
from hall import cases, clock, confidentiality, fields, queue, users
from hall.court.tribunal import (
    ACTIVE,
    _require_window,
    raise_problems,
)
from hall.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from hall.reception import new_visit_code
from hall.visitors import new_query_code


@dataclass
class HandoffBrief:
    """What the officer confirms when handing over: the parties and the claim in brief."""

    party: str
    other_party: str
    claim: str


def check_brief(brief: HandoffBrief) -> list[InvalidInput]:
    return fields.check_all(
        (
            (fields.PARTY, brief.party),
            (fields.OTHER_PARTY, brief.other_party),
            (fields.CLAIM, brief.claim),
        )
    )


def handoff_number(year: int, seq: int) -> str:
    return f"移交〔{year}〕{seq:04d}号"


def brief_for(session: Session, visit_id: int) -> HandoffBrief:
    """The form's starting point: the visitor as the party; the other side and the claim are
    for the officer to confirm (a confidential visit's matter is not copied onto the slip)."""
    visit = _visit(session, visit_id)
    confidential = confidentiality.is_confidential(session, visit)
    claim = "" if confidential else (visit.request or visit.summary)
    return HandoffBrief(party=visit.visitor.name, other_party="", claim=claim)


def _visit(session: Session, visit_id: int, lock: bool = False) -> Visit:
    """The visit; with ``lock``, its row is locked until the transaction ends, so that two
    officers handing it over at once take turns and the second finds it handed."""
    stmt = select(Visit).where(Visit.id == visit_id)
    if lock:
        stmt = stmt.with_for_update(of=Visit).execution_options(populate_existing=True)
    visit = session.scalar(stmt)
    if visit is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    return visit


def _active_handoff(session: Session, visit_id: int) -> CourtHandoff | None:
    return session.scalar(
        select(CourtHandoff).where(
            CourtHandoff.visit_id == visit_id, CourtHandoff.state.in_(ACTIVE)
        )
    )


def _mark_separated_case(
    session: Session,
    handoff: CourtHandoff,
    old: str,
    new: str,
    actor: User,
    now: dt.datetime,
) -> None:
    """A petition case separated from petitions (诉访分离) waits for its visit to reach the
    court; keep its mark in step with the hand-off, and its timeline telling what happened."""
    for case in session.scalars(
        select(PetitionCase).where(
            PetitionCase.visit_id == handoff.visit_id, PetitionCase.court_handoff == old
        )
    ):
        case.court_handoff = new
        events.append(
            session,
            EventKind.CASE_HANDED_TO_COURT
            if new == CaseCourtHandoff.HANDED
            else EventKind.CASE_COURT_RETURNED,
            "case",
            case.id,
            now,
            actor.id,
            {"number": case.number, "state": case.state, "handoff_number": handoff.number},
        )


def _log(
    session: Session, kind: EventKind, handoff: CourtHandoff, now: dt.datetime, actor: User
) -> None:
    events.append(
        session,
        kind,
        "court_handoff",
        handoff.id,
        now,
        actor.id,
        {
            "number": handoff.number,
            "state": handoff.state,
            "visit_id": handoff.visit_id,
            "window": handoff.window.code,
        },
    )


def hand_off_to_court(
    session: Session,
    visit_id: int,
    brief: HandoffBrief,
    actor: User,
    now: dt.datetime | None = None,
) -> CourtHandoff:
    """Hand the visit to the court: it becomes "handed to court", the hand-off gets its number
    (移交〔2026〕0007号), and the court's inbox is told, all in the caller's transaction."""
    now = now or clock.now()
    visit = _visit(session, visit_id, lock=True)
    _require_window(actor, visit)
    raise_problems("移交信息", check_brief(brief))
    return _hand_off(session, visit, visit.window_id, brief, actor, now)


def _hand_off(
    session: Session,
    visit: Visit,
    window_id: int,
    brief: HandoffBrief,
    actor: User,
    now: dt.datetime,
) -> CourtHandoff:
    active = _active_handoff(session, visit.id)
    if active is not None:
        raise IllegalTransition(
            f"这次来访已经移交法庭（{active.number}，{HANDOFF_STATE_NAMES[active.state]}），"
            "不能重复移交。"
        )
    seq = counters.next_value(session, f"court_handoff:{now.year}")
    handoff = CourtHandoff(
        number=handoff_number(now.year, seq),
        year=now.year,
        seq=seq,
        visit_id=visit.id,
        window_id=window_id,
        party=fields.clean(fields.PARTY, brief.party),
        other_party=fields.clean(fields.OTHER_PARTY, brief.other_party),
        claim=fields.clean(fields.CLAIM, brief.claim),
        state=HandoffState.HANDED,
        handed_at=now,
        handed_by=actor.id,
        return_reason="",
    )
    handoff.visit = visit
    # The actor may come from the caller's own session (a workstation keeps its user).
    handoff.officer = session.get_one(User, actor.id)
    session.add(handoff)
    session.flush()
    visit.status = VisitStatus.HANDED_TO_COURT
    visit.litigation = True
    _mark_separated_case(
        session, handoff, CaseCourtHandoff.PENDING, CaseCourtHandoff.HANDED, actor, now
    )
    _log(session, EventKind.COURT_HANDOFF, handoff, now, actor)
    return handoff


def _require_cases_desk(user: User) -> None:
    if users.has_role(user, users.ADMIN):
        return
    if users.has_role(user, users.OFFICER) and cases.CASES_WINDOW in users.window_codes(user):
        return
    raise PermissionDenied(
        f"{user.name}不是办信办案窗口的工作人员，不能把信访事项移交法庭。请由办信办案窗口办理。"
    )


def brief_for_case(session: Session, case_id: int) -> HandoffBrief:
    """The form's starting point for a case: the petitioner as the party and, unless the case
    is an accusation, its request as the claim; the other side is for the officer to name."""
    case = session.get(PetitionCase, case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的信访事项。")
    claim = "" if cases.is_confidential(case) else (case.request or case.summary)
    return HandoffBrief(party=case.visitor.name, other_party="", claim=claim)


def _letter_visit(
    session: Session, case: PetitionCase, window: ServiceWindow, actor: User, now: dt.datetime
) -> Visit:
    """The case's letter entered in the register of visits, for the court to take over."""
    visit = Visit(
        code=new_visit_code(session, now),
        query_code=new_query_code(),
        visitor_id=case.visitor_id,
        channel="letter",
        purpose=case.purpose,
        summary=case.summary,
        request=case.request,
        facts=case.facts,
        reasons=case.reasons,
        litigation=True,
        urgent=case.urgent,
        window_id=window.id,
        status=VisitStatus.OPEN,
        outcome_notes="",
        created_at=now,
        created_by=actor.id,
    )
    session.add(visit)
    session.flush()
    case.visit_id = visit.id
    return visit


def hand_off_case(
    session: Session,
    case_id: int,
    brief: HandoffBrief,
    actor: User,
    now: dt.datetime | None = None,
) -> CourtHandoff:
    """Hand a case the letters desk separated from petitions (诉访分离) to the court, from the
    letters desk: the case's visit, or for a case opened from a letter the letter entered in
    the register of visits. Refused unless the case waits for the court (separated, and not
    handed over or handed back since)."""
    now = now or clock.now()
    _require_cases_desk(actor)
    case = cases.case_for_update(session, case_id)
    if case.court_handoff is None:
        raise IllegalTransition(
            f"信访事项{case.number}没有作诉访分离处理，不能移交法庭；"
            "属于诉讼的事项请先作“转法庭（诉访分离）”处理。"
        )
    if case.court_handoff != CaseCourtHandoff.PENDING:
        raise IllegalTransition(f"信访事项{case.number}已经移交法庭，不能重复移交。")
    raise_problems("移交信息", check_brief(brief))
    window = queue.window_by_code(session, cases.CASES_WINDOW)
    if case.visit_id is not None:
        visit = _visit(session, case.visit_id, lock=True)
        active = _active_handoff(session, visit.id)
        if active is not None:
            # Its window handed the visit over before the case was separated: the matter is
            # with the court already, so the case follows that hand-off.
            _mark_separated_case(
                session, active, CaseCourtHandoff.PENDING, CaseCourtHandoff.HANDED, actor, now
            )
            return active
    else:
        visit = _letter_visit(session, case, window, actor, now)
    return _hand_off(session, visit, window.id, brief, actor, now)
