"""Opening a case: a new number from the counter, from a letter or from a visit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import counters
from db.case_models import PetitionCase
from db.event_kinds import EventKind
from db.models import User, Visit
from db.states import CaseState
from hall import clock, deadlines, fields, settings
from hall.calendar import cn_date
from hall.cases.basics import CONFIDENTIAL_PURPOSES, _calendar
from hall.cases.repeats import refuse_if_repeat
from hall.cases.responsible_units import find_unit
from hall.cases.transitions import _log, refresh_limits
from hall.catalog import PURPOSES
from hall.errors import IllegalTransition, InvalidInput, NotFound


def case_number(prefix: str, year: int, seq: int) -> str:
    return f"{prefix}〔{year}〕{seq:04d}号"


def new_case(
    session: Session,
    *,
    source: str,
    visitor_id: int,
    visit_id: int | None,
    purpose: str,
    summary: str,
    request: str,
    facts: str,
    reasons: str,
    litigation: bool,
    urgent: bool,
    received_on: dt.date,
    accused_unit_id: int | None,
    accused: str,
    actor: User | None,
    now: dt.datetime,
) -> PetitionCase:
    if purpose not in PURPOSES:
        raise InvalidInput(f"诉求类别“{purpose}”无效。", "purpose")
    problems: list[InvalidInput] = []
    summary = fields.check(fields.SUMMARY.but(required=True), summary, problems)
    request = fields.check(fields.REQUEST, request, problems)
    facts = fields.check(fields.FACTS, facts, problems)
    reasons = fields.check(fields.REASONS, reasons, problems)
    accused = fields.check(fields.ACCUSED, accused, problems)
    fields.refuse(problems)
    if received_on > now.date():
        raise InvalidInput(
            f"收到日期（{cn_date(received_on)}）不能晚于今天（{cn_date(now.date())}）。",
            "received_on",
        )
    if (accused_unit_id is not None or accused.strip()) and purpose not in CONFIDENTIAL_PURPOSES:
        raise InvalidInput("只有揭发控告类事项才登记被检举控告的单位或人员。", "accused")
    if accused_unit_id is not None:
        find_unit(session, accused_unit_id)
    year = now.year
    seq = counters.next_value(session, f"case:{year}")
    prefix = settings.get(session, settings.CASE_PREFIX)
    cal = _calendar(session, received_on)
    case = PetitionCase(
        number=case_number(prefix, year, seq),
        year=year,
        seq=seq,
        source=source,
        visit_id=visit_id,
        visitor_id=visitor_id,
        purpose=purpose,
        summary=summary.strip(),
        request=request.strip(),
        facts=facts.strip(),
        reasons=reasons.strip(),
        litigation=litigation,
        urgent=urgent,
        accused_unit_id=accused_unit_id,
        accused=accused.strip(),
        officer_id=actor.id if actor else None,
        state=CaseState.REGISTERED,
        repeat_count=0,
        received_on=received_on,
        decide_due=deadlines.decide_due(received_on, cal),
        extension_days=0,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    refresh_limits(case)
    session.add(case)
    session.flush()
    _log(session, EventKind.CASE_REGISTERED, case, now, actor, source=source)
    return case


def open_from_visit(
    session: Session,
    visit_id: int,
    actor: User | None = None,
    now: dt.datetime | None = None,
    accused_unit_id: int | None = None,
    accused: str = "",
    new_matter: bool = False,
) -> PetitionCase:
    """Register a visit's matter as a formal case, its 15 days running from the visit's day.

    If the visitor already has an open case, or a finally closed one, of the same kind, the
    same matter must not be opened twice: it is refused with those cases named, unless the
    officer has checked that it is a different matter (``new_matter``); a repeat is linked
    with :func:`link_visit` instead.
    """
    now = now or clock.now()
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    existing = session.scalar(select(PetitionCase.number).where(PetitionCase.visit_id == visit_id))
    if existing is not None:
        raise IllegalTransition(f"这次来访已登记为信访事项{existing}，不能重复登记。")
    if not new_matter:
        refuse_if_repeat(session, visit.visitor_id, visit.purpose, now.date())
    return new_case(
        session,
        source="visit",
        visitor_id=visit.visitor_id,
        visit_id=visit.id,
        purpose=visit.purpose,
        summary=visit.summary,
        request=visit.request,
        facts=visit.facts,
        reasons=visit.reasons,
        litigation=visit.litigation,
        urgent=visit.urgent,
        received_on=visit.created_at.date(),
        accused_unit_id=accused_unit_id,
        accused=accused,
        actor=actor,
        now=now,
    )
